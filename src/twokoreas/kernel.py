"""The project's Jupyter kernel: `make` installs it into .venv, and the runner names it in every saved notebook.

Both use these constants, so a notebook opened in JupyterLab already names the kernel Lab starts for it,
and opening and saving it changes nothing.
"""

import sys

NAME = "python3"
DISPLAY_NAME = "Python 3 (twokoreas)"
KERNELSPEC = {"name": NAME, "display_name": DISPLAY_NAME, "language": "python"}


def install():
    """Install the kernel into the running environment (``sys.prefix``), under NAME and DISPLAY_NAME."""
    from ipykernel.kernelspec import install as install_kernelspec

    install_kernelspec(kernel_name=NAME, display_name=DISPLAY_NAME, prefix=sys.prefix)


if __name__ == "__main__":
    install()
