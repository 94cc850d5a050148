"""``claimlint report``: a folder-wide quality report for editors.

Data flows one way, as in the rest of claimlint:

    folder -> files (walk.py: exclude, include, .gitignore)
           -> FileReport per file (worker.py: a process pool; each worker owns a Session)
           -> Tally (tally.py: counters and small rows, filled as results stream in)
           -> Report (tally.py) -> renderers (terminal, html, json, csv, markdown)

Workers send back only findings and a few metadata facts per file (model.py), never
documents or spaCy objects, so memory stays flat however large the folder is.
"""
