"""``make``: execute the notebooks in one kernel (runner, kernel), skip unchanged work (cache) and save everything
or nothing (staging). May import every layer but ``cli``."""
