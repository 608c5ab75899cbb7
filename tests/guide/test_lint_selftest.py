#!/usr/bin/env python3
"""Self-test of lint_guide.py: every rule must fire on a deliberately bad page, and a good tree must pass.

Run: python3 -m unittest tests/guide/test_lint_selftest.py   (or run this file directly)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

LINT = Path(__file__).resolve().parent / "lint_guide.py"
FENCE = "```"

RELATED = textwrap.dedent("""\

    ## Related
    - [Good page](good.md)
    - [Other page](sub/other.md#section-one)
    """)

GOOD = textwrap.dedent(f"""\
    # Good page

    A one-paragraph summary that links to [the other page](sub/other.md) and [itself](#costs--limits).

    ## Costs & limits

    Claude costs <!--lda:price:aws-bedrock/claude-sonnet-4-5:input-->$3.00<!--/lda--> per 1M input tokens,
    a g5.12xlarge <!--lda:gpu:g5.12xlarge:on_demand_month-->$4,141<!--/lda--> a month and the chatbot
    <!--lda:usecase:support-chatbot:monthly-->$12,345<!--/lda-->. Autolinks like <https://aws.amazon.com> are fine,
    and so is `<div>` in a code span. See [AWS](https://aws.amazon.com/bedrock/) and ![diagram](images/d.svg).

    ## Costs & limits

    | a | b |
    |---|---|
    | 1 | 2 |

    {FENCE}python
    print("hello")
    {FENCE}

    {FENCE}json
    {{"a": [1, 2]}}
    {FENCE}

    {FENCE}yaml
    a: 1
    ---
    b: 2
    {FENCE}

    {FENCE}bash
    aws bedrock list-foundation-models --region us-east-1 \\
      --query 'modelSummaries[].modelId' --output text
    {FENCE}

    ~~~text
    client --> gateway --> model
    ~~~

    - [ ] a task

    ## Related
    - [Other page](sub/other.md#costs--limits-1)
    - [Third](sub/third.md)
    """)

OTHER = textwrap.dedent("""\
    # Other page

    Summary linking [good](../good.md#costs--limits) and [third](third.md).

    ## Section one

    ## Costs & limits

    ## Costs & limits

    ## Related
    - [Good page](../good.md)
    - [Third](third.md)
    """)

THIRD = OTHER.replace("# Other page", "# Third page").replace("[third](third.md)", "[other](other.md)") \
    .replace("- [Third](third.md)", "- [Other](other.md)")


def bad(body: str) -> str:
    """A page that is good except for `body`."""
    return "# Bad page\n\nSummary.\n\n" + body + "\n" + RELATED


# (file name, content, substring expected in the lint message)
BAD_CASES = [
    ("no_title.md", "Just text, no title.\n" + RELATED, "must start with a '# Title'"),
    ("no_lang.md", bad(f"{FENCE}\necho hi\n{FENCE}\n"), "without a language tag"),
    ("bad_lang.md", bad(f"{FENCE}powershell\nGet-Item\n{FENCE}\n"), "unknown language tag"),
    ("bad_python.md", bad(f"{FENCE}python\ndef f(:\n    pass\n{FENCE}\n"), "python block does not compile"),
    ("bad_json.md", bad(f'{FENCE}json\n{{"a": 1,}}\n{FENCE}\n'), "json block does not parse"),
    ("bad_yaml.md", bad(f"{FENCE}yaml\na: [1, 2\nb: 3\n{FENCE}\n"), "yaml block does not parse"),
    ("bad_bash.md", bad(f"{FENCE}bash\necho <API_KEY>\n{FENCE}\n"), "fails bash -n"),
    ("bash_placeholder.md", bad(f"{FENCE}bash\ncurl -H <API_KEY> https://example.com\n{FENCE}\n"),
     "placeholder"),
    ("bad_sh.md", bad(f"{FENCE}sh\nif true; then echo x\n{FENCE}\n"), "fails bash -n"),
    ("broken_link.md", bad("See [missing](nope.md)."), "broken link"),
    ("broken_anchor.md", bad("See [x](good.md#no-such-heading)."), "broken anchor"),
    ("broken_self_anchor.md", bad("See [x](#nowhere)."), "broken anchor"),
    ("remote_image.md", bad("![x](https://example.com/x.png)"), "remote image"),
    ("missing_image.md", bad("![x](images/missing.svg)"), "broken link"),
    ("raw_html.md", bad("Line<br>break and <div>box</div>."), "raw HTML is not allowed"),
    ("html_comment.md", bad("<!-- a note -->"), "raw HTML comment"),
    ("lf_kind.md", bad("<!--lda:cost:aws-bedrock/x:input-->$1.00<!--/lda-->"), "kind must be"),
    ("lf_args.md", bad("<!--lda:price:aws-bedrock:input-->$1.00<!--/lda-->"), "args must be"),
    ("lf_option.md", bad("<!--lda:price:aws-lambda/claude-3-haiku:input-->$1.00<!--/lda-->"), "unknown option id"),
    ("lf_gpu.md", bad("<!--lda:gpu:g5.xlarge:hourly-->$1.006<!--/lda-->"), "args must be"),
    ("lf_static.md", bad("<!--lda:gpu:g5.xlarge:on_demand-->1.006 USD<!--/lda-->"), "must be a dollar amount"),
    ("lf_unclosed.md", bad("<!--lda:gpu:g5.xlarge:on_demand-->$1.006 and no end"), "malformed live-fact"),
    ("few_links.md", "# Lonely\n\nSummary.\n\n## Related\n- [Good](good.md)\n", "at least two other guide pages"),
    ("no_related.md", "# No related\n\nSee [a](good.md) and [b](sub/other.md).\n\n## Details\n\nText.\n",
     "must end with a '## Related'"),
    ("unclosed_fence.md", bad(f"{FENCE}bash\necho hi\n"), "never closed"),
    ("two_titles.md", bad("# Second title\n"), "only one '# ' title"),
]


def run_lint(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(LINT), "--root", str(root), *extra],
                          capture_output=True, text=True, timeout=60, cwd=root)


class LintSelfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = Path(cls.tmp.name) / "guide"
        (cls.root / "sub").mkdir(parents=True)
        (cls.root / "images").mkdir()
        (cls.root / "images" / "d.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>\n")
        (cls.root / "good.md").write_text(GOOD)
        (cls.root / "sub" / "other.md").write_text(OTHER)
        (cls.root / "sub" / "third.md").write_text(THIRD)
        (cls.root / "bad").mkdir()
        for name, content, _ in BAD_CASES:
            # bad pages live in bad/, so their links are one level up
            content = content.replace("](good.md", "](../good.md").replace("](sub/", "](../sub/") \
                .replace("](images/", "](../images/")
            (cls.root / "bad" / name).write_text(content)
        cls.full = run_lint(cls.root)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.tmp.cleanup()

    def test_good_files_pass(self) -> None:
        r = run_lint(self.root, "--only", "good.md", "sub/other.md", "sub/third.md")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout.strip(), "")

    def test_every_bad_file_is_reported(self) -> None:
        self.assertEqual(self.full.returncode, 1)
        out = self.full.stdout
        for name, _, expected in BAD_CASES:
            with self.subTest(name=name):
                lines = [ln for ln in out.splitlines() if f"bad/{name}:" in ln]
                self.assertTrue(any(expected in ln for ln in lines),
                                f"{name}: expected '{expected}' in\n" + "\n".join(lines))
        for ln in out.splitlines():
            self.assertRegex(ln, r"^[^:]+:\d+: ")
            self.assertNotIn("good.md:", ln.split(":")[0] if "bad/" not in ln else "")

    def test_minimums_and_stats(self) -> None:
        r = run_lint(self.root, "--only", "good.md", "--stats", "--min-files", "999",
                     "--min-words", "1", "--min-code", "1", "--min-tables", "1", "--min-glossary", "1")
        self.assertEqual(r.returncode, 1)
        self.assertIn("total files", r.stdout)
        self.assertIn("total glossary 0 is below the minimum 1", r.stdout)
        self.assertNotIn("total words", r.stdout)
        self.assertIn("TOTAL", r.stdout)
        self.assertRegex(r.stdout, r"good\.md\s+\d+\s+5\s+2\s+0")  # 5 blocks; 1 table + 1 diagram


if __name__ == "__main__":
    unittest.main()
