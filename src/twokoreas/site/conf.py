"""Sphinx configuration of the site: myst-nb renders the executed notebooks (never executing them) with
sphinx-book-theme, the stack under Jupyter Book 1. Read by :func:`twokoreas.site.build_site`."""

import html
from pathlib import Path

from twokoreas.site.credits import authors, citation, footer_html
from twokoreas.site.pages import TITLE

project = TITLE
html_title = TITLE
author = authors()  # from CITATION.cff, for the "By ..." line of every footer
copyright = author
extensions = ["myst_nb", "twokoreas.site.article"]
exclude_patterns = ["_extra"]

nb_execution_mode = "off"  # the notebooks are executed by `twokoreas run`; the site renders their outputs
nb_custom_formats = {".ipynb": ["twokoreas.site.notebooks.read_notebook", {}, False]}
nb_render_markdown_format = "myst"
myst_enable_extensions = []  # no "dollarmath": "$40 million" is money, never maths

html_theme = "sphinx_book_theme"
html_static_path = [str(Path(__file__).parent / "static")]
html_css_files = ["twokoreas.css"]
html_js_files = ["twokoreas.js"]
html_copy_source = True  # the .ipynb download
html_sourcelink_suffix = ""
html_show_sourcelink = False
html_last_updated_fmt = None
html_use_index = False
html_show_search_summary = False  # the summaries are fetched page by page, which file:// forbids
html_context = {"default_mode": "auto"}  # light or dark as the reader's system asks
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "extra_footer": footer_html(),
    "search_bar_text": "Search this site…",
    "navbar_persistent": [],  # one search box: the sidebar's, not a second one in the top bar
}
REPOSITORY = citation().get("repository-code")  # repository and launch buttons, as in Jupyter Book 1, once known
if REPOSITORY:
    html_theme_options |= {"repository_url": REPOSITORY, "use_repository_button": True, "use_issues_button": True,
                           "path_to_docs": "notebooks", "repository_branch": "main",
                           "launch_buttons": {"binderhub_url": "https://mybinder.org",
                                              "colab_url": "https://colab.research.google.com"}}


def _escape_theme_titles(app, pagename, templatename, context, doctree):
    """sphinx-book-theme puts page titles into its templates as raw text (``title.astext()``), where an
    article's title from ``data/`` would be markup: escape them as Sphinx escapes its own ``title``."""
    for key in ("pagetitle", "root_title"):
        if isinstance(context.get(key), str):
            context[key] = html.escape(context[key])


def setup(app):
    app.connect("html-page-context", _escape_theme_titles, priority=900)  # after the theme's handlers (500)
