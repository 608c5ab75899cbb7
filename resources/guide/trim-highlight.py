#!/usr/bin/env python3
"""Writes resources/guide/highlight.min.js: Debian's highlight.js 9.18.5 bundle with only the languages
the guide's code blocks use (see LANGUAGES). The full bundle is 830 kB with 185 languages, and every
guide page parses it again; this one is ~45 kB. Re-run when the guide uses a new language:

    resources/guide/trim-highlight.py [/usr/share/javascript/highlight.js/highlight.min.js]

(apt-get install libjs-highlight.js for the source file). The core is copied unchanged; each kept
language is its own unchanged `hljs.registerLanguage(...)` call from the bundle."""
import os, re, sys

# Fenced-code languages in the guide (```bash, ```python, ...), plus what they embed: dockerfile and
# shell embed bash. Languages highlight.js 9 lacks (promql, kql, hcl, csv) stay plain either way.
LANGUAGES = ["bash", "shell", "python", "json", "yaml", "ini", "sql", "http", "dockerfile", "javascript"]

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/javascript/highlight.js/highlight.min.js"
text = open(src, encoding="utf-8").read()
starts = [m.start() for m in re.finditer(r'hljs\.registerLanguage\("', text)]
if not starts:
    sys.exit(f"error: {src} has no hljs.registerLanguage calls - not a highlight.js bundle")
core = text[:starts[0]]
found = {}
for a, b in zip(starts, starts[1:] + [len(text)]):
    found[re.match(r'hljs\.registerLanguage\("([^"]+)"', text[a:]).group(1)] = text[a:b]
missing = [name for name in LANGUAGES if name not in found]
if missing:
    sys.exit(f"error: {src} does not define the language(s) {', '.join(missing)}")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "highlight.min.js")
with open(out, "w", encoding="utf-8") as f:
    f.write(core + "".join(found[name] for name in LANGUAGES))
print(f"{out}: {os.path.getsize(out)} bytes, languages: {' '.join(LANGUAGES)}")
