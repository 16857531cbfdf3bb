"""The project's Jupyter kernel: `make` installs it into .venv, and the runner names it in every saved notebook.

Both use these constants, so a notebook opened in JupyterLab already names the kernel Lab starts for it,
and opening and saving it changes nothing. The kernel is IPython's, except that its language_info (which the
runner and Lab write into a notebook's metadata) leaves out the exact Python version, so a notebook is the same
bytes whichever supported Python ran it.
"""

import json
import sys
from pathlib import Path

NAME = "python3"
DISPLAY_NAME = "Python 3 (twokoreas)"
KERNELSPEC = {"name": NAME, "display_name": DISPLAY_NAME, "language": "python"}
# What `python -m ipykernel_launcher` does, with "version" dropped from the kernel's language_info first.
LAUNCH = (
    "import sys; sys.path[0] == '' and sys.path.pop(0); from ipykernel import kernelapp; "
    "from ipykernel.ipkernel import IPythonKernel as K; "
    "K.language_info = {k: v for k, v in K.language_info.items() if k != 'version'}; "
    "kernelapp.launch_new_instance()"
)


def install():
    """Install the kernel into the running environment (``sys.prefix``), under NAME and DISPLAY_NAME."""
    from ipykernel.kernelspec import install as install_kernelspec

    spec = Path(install_kernelspec(kernel_name=NAME, display_name=DISPLAY_NAME, prefix=sys.prefix)) / "kernel.json"
    kernel = json.loads(spec.read_text())
    at = kernel["argv"].index("ipykernel_launcher")
    kernel["argv"][at - 1 : at + 1] = ["-c", LAUNCH]
    spec.write_text(json.dumps(kernel, indent=1) + "\n")


if __name__ == "__main__":
    install()
