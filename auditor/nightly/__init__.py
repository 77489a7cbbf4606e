"""The nightly audit of a folder of reports: unattended, incremental, quiet unless news.

"News" is what went wrong since the previous nightly run over the same folder: a link newly
broken, a new error finding, a report newly unreadable. Old errors stay in the page but do not
wake anyone up again. A finding is told apart from another by the report's path in the folder,
its code, phase, platform and link: never by line number or message, which move when a line is
inserted above.
"""
