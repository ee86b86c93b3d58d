"""`hyte diff` and git: default revisions, missing history, broken revisions, clear errors.

All repositories are temporary, with real commits (tests/gitplan.py); all plan data is fictional.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gitplan import BASE_FILES, commit, edited, git, git_env, init_repo  # noqa: F401
from hytecli.cli import app

pytestmark = pytest.mark.usefixtures("git_env")

TITLE_EDIT = edited("plan/alue-b.yaml", ("title: Tavoite kolme", "title: Tavoite kolme muutettu"))


def run_diff(*args: str) -> Result:
    result = CliRunner().invoke(app, ["diff", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def changes(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["changes"])


def test_default_head_is_the_working_tree_with_uncommitted_edits(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    commit(repo, TITLE_EDIT, "committed on main")
    (repo / "plan/alue-a.yaml").write_text(
        (repo / "plan/alue-a.yaml").read_text().replace("Tavoite yksi", "Tavoite 1"), "utf-8"
    )
    # On main itself the merge base with main is HEAD: only the uncommitted edit shows.
    found = changes(run_diff("--repo", str(repo), "--format", "json"))
    assert [(c["id"], c["field"]) for c in found] == [("tavoite-1", "title")]
    # Named revisions ignore the working tree.
    found = changes(run_diff("--repo", str(repo), "--format", "json", "HEAD~1", "HEAD"))
    assert [(c["id"], c["new"]) for c in found] == [("tavoite-3", "Tavoite kolme muutettu")]
    data = json.loads(run_diff("--repo", str(repo), "--format", "json", "HEAD~1", "HEAD").stdout)
    assert data["base"]["revision"] == "HEAD~1" and len(data["base"]["commit"]) == 40
    assert data["head"]["label"].startswith("HEAD (")


def test_default_base_is_where_the_branch_forked_from_main(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    git(repo, "checkout", "--quiet", "-b", "feature")
    commit(repo, TITLE_EDIT)
    git(repo, "checkout", "--quiet", "main")
    commit(repo, edited("plan/alue-a.yaml", ("title: Tavoite kaksi", "title: Main muutti")))
    git(repo, "checkout", "--quiet", "feature")
    # main moved on after the fork: its change is not part of this branch's diff
    found = changes(run_diff("--repo", str(repo), "--format", "json"))
    assert [c["id"] for c in found] == ["tavoite-3"]


def test_default_branch_from_origin_head_then_master(tmp_path: Path) -> None:
    upstream = init_repo(tmp_path / "upstream", branch="trunk")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(upstream), str(clone))
    git(clone, "checkout", "--quiet", "-b", "feature")
    commit(clone, TITLE_EDIT)
    result = run_diff("--repo", str(clone))
    assert "merge base of HEAD and origin/trunk" in result.stdout
    assert "tavoite-3" in result.stdout
    legacy = init_repo(tmp_path / "legacy", branch="master")
    git(legacy, "checkout", "--quiet", "-b", "feature")
    commit(legacy, TITLE_EDIT)
    assert "merge base of HEAD and master" in run_diff("--repo", str(legacy)).stdout


def test_no_default_branch_says_to_name_the_base(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan", branch="kehitys")
    result = run_diff("--repo", str(repo))
    assert result.exit_code == 2
    assert "cannot find the default branch (origin/HEAD, main or master)" in result.stderr
    assert "hyte diff BASE" in result.stderr
    assert run_diff("--repo", str(repo), "kehitys").exit_code == 0


def test_not_a_git_repository(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    for path, text in BASE_FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")
    result = run_diff("--repo", str(root))
    assert result.exit_code == 2
    assert "is not in a git repository" in result.stderr
    assert "git init" in result.stderr


def test_unknown_revision_says_how_to_fetch_it(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    result = run_diff("--repo", str(repo), "origin/main")
    assert result.exit_code == 2
    assert "revision 'origin/main' is not in this repository" in result.stderr
    assert "git fetch origin main" in result.stderr
    assert "fetch-depth: 0" in result.stderr
    assert run_diff("--repo", str(repo), "--", "--output=/tmp/x").exit_code == 2


def test_shallow_clone_says_to_unshallow(tmp_path: Path) -> None:
    upstream = init_repo(tmp_path / "upstream")
    commit(upstream, TITLE_EDIT)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", upstream.as_uri(), str(clone))
    result = run_diff("--repo", str(clone), "HEAD~1")
    assert result.exit_code == 2
    assert "shallow clone" in result.stderr
    assert "git fetch --unshallow" in result.stderr
    assert "fetch-depth: 0" in result.stderr
    git(clone, "fetch", "--quiet", "--unshallow")
    assert "tavoite-3" in run_diff("--repo", str(clone), "HEAD~1").stdout


def test_broken_revision_is_named_with_its_first_findings(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    broken = edited("indicators/mittari-1.yaml", ("kind: yes_no", "kind: yes_no\nkind: count"))
    base = commit(repo, broken, "broken")
    commit(repo, {"indicators/mittari-1.yaml": BASE_FILES["indicators/mittari-1.yaml"]}, "fixed")
    result = run_diff("--repo", str(repo), "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert f"the plan at revision HEAD~1 ({base[:7]}) has errors" in result.stderr
    assert "indicators/mittari-1.yaml:5:1: error Y003 duplicate key 'kind'" in result.stderr
    (repo / "plan/alue-a.yaml").write_text("id: [\n", "utf-8")
    result = run_diff("--repo", str(repo), "HEAD")
    assert result.exit_code == 1
    assert "the plan in the working tree has errors" in result.stderr
    assert "plan/alue-a.yaml:" in result.stderr


def test_plan_in_a_subfolder_and_a_base_without_plan(tmp_path: Path) -> None:
    repo = tmp_path / "monorepo"
    init_repo(repo, {"README.md": "# something else\n"})
    commit(repo, {f"suunnitelma/{path}": text for path, text in BASE_FILES.items()}, "plan")
    result = run_diff("--repo", str(repo / "suunnitelma"), "--format", "json", "HEAD~1", "HEAD")
    found = changes(result)
    assert found[0] == found[0] | {"entity": "plan", "change": "added", "field": None}
    assert {(c["entity"], c["id"]) for c in found} >= {
        ("area", "alue-a"),
        ("goal", "tavoite-3"),
        ("indicator", "mittari-2"),
    }
    assert all(c["change"] == "added" for c in found)
    assert changes(run_diff("--repo", str(repo / "suunnitelma"), "--format", "json", "HEAD")) == []


def test_exit_code_option(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    assert run_diff("--repo", str(repo), "--exit-code").exit_code == 0
    (repo / "plan/alue-b.yaml").write_text(
        (repo / "plan/alue-b.yaml").read_text().replace("Tavoite kolme", "Tavoite 3"), "utf-8"
    )
    assert run_diff("--repo", str(repo)).exit_code == 0
    result = run_diff("--repo", str(repo), "--exit-code")
    assert result.exit_code == 1
    assert "[-kolme-]{+3+}" in result.stdout


def test_markdown_escapes_plan_text_and_folds_long_diffs(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    goals = "".join(f"  - id: uusi-{n}\n    title: Uusi tavoite {n}\n" for n in range(25))
    commit(
        repo,
        {
            **edited(
                "plan/alue-a.yaml",
                (
                    "title: Tavoite yksi",
                    "title: '<script>alert(1)</script> & *lihava* | [linkki](x) @user'",
                ),
                (
                    """  - id: tavoite-2
    title: Tavoite kaksi
    responsible: [Toinen taho]
    indicators: [mittari-2]
""",
                    goals,
                ),
            ),
        },
    )
    markdown = run_diff("--repo", str(repo), "--format", "markdown", "HEAD~1", "HEAD").stdout
    assert "<script>" not in markdown
    assert (
        "<del>Tavoite yksi</del><ins>\\<script\\>alert(1)\\</script\\> \\& \\*lihava\\* \\| "
        "\\[linkki\\](x) @<!-- -->user</ins>" in markdown
    )
    # Removals stay visible; the other changes are folded into <details>.
    before, _, folded = markdown.partition("<details><summary>26 more changes</summary>")
    assert "⚠️ **Removed** goal `tavoite-2`" in before
    assert "**Added** goal `uusi-0`" in folded and "**Added** goal `uusi-0`" not in before
    assert folded.rstrip().endswith("</details>")
    text = run_diff("--repo", str(repo), "HEAD~1", "HEAD").stdout
    assert "<script>alert(1)</script> & *lihava*" in text


def test_a_repository_without_commits_says_to_commit_first(tmp_path: Path) -> None:
    repo = tmp_path / "uusi"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    for path, text in BASE_FILES.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(text, "utf-8")
    result = run_diff("--repo", str(repo))
    assert result.exit_code == 2
    assert "there are no commits yet" in result.stderr
    assert "commit the plan first" in result.stderr and "hyte diff BASE" in result.stderr
    # not the advice for a missing default branch or for CI checkouts
    assert "default branch" not in result.stderr and "fetch-depth" not in result.stderr
    named = run_diff("--repo", str(repo), "main")
    assert named.exit_code == 2
    assert "this repository has no commits yet" in named.stderr
    assert "fetch-depth" not in named.stderr


def test_a_commit_id_is_shown_abbreviated(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    base = git(repo, "rev-parse", "HEAD")
    short = git(repo, "rev-parse", "--short", base)
    commit(repo, TITLE_EDIT)
    text = run_diff("--repo", str(repo), base)
    assert text.exit_code == 0
    assert text.stdout.startswith(f"Plan changes from {short} to working tree: 1 change")
    assert base not in text.stdout
    markdown = run_diff("--repo", str(repo), "--format", "markdown", base, "HEAD")
    assert f"Compared: {short} → HEAD ({git(repo, 'rev-parse', '--short', 'HEAD')})" in (
        markdown.stdout
    )
    assert base not in markdown.stdout
    data = json.loads(run_diff("--repo", str(repo), "--format", "json", base).stdout)
    assert data["base"] == {"label": short, "revision": base, "commit": base}
    none = run_diff("--repo", str(repo), base[:12], base)
    assert none.stdout == f"No plan changes from {short} to {short}.\n"


def test_a_one_off_completion_is_named_by_its_date_once(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    commit(
        repo,
        edited(
            "plan/alue-a.yaml",
            (
                "    indicators: [mittari-1]\n",
                "    indicators: [mittari-1]\n    completed:\n      - date: 2025-04-30\n"
                "      - {date: 2025-05-02, note: Toinen kirjaus}\n",
            ),
        ),
    )
    text = run_diff("--repo", str(repo), "HEAD~1", "HEAD").stdout
    assert "  + goal tavoite-1: completion 2025-04-30 added\n" in text
    assert "  + goal tavoite-1: completion 2025-05-02 added: note Toinen kirjaus\n" in text
    markdown = run_diff("--repo", str(repo), "--format", "markdown", "HEAD~1", "HEAD").stdout
    assert "- **Added** goal `tavoite-1` completion 2025-04-30\n" in markdown
    assert "- **Added** goal `tavoite-1` completion 2025-05-02: note Toinen kirjaus\n" in markdown
    removed = run_diff("--repo", str(repo), "HEAD", "HEAD~1").stdout
    assert "! - goal tavoite-1: completion 2025-04-30 removed\n" in removed


def test_on_the_default_branch_of_a_clone_unpushed_commits_show(tmp_path: Path) -> None:
    # docs/diff.md: on main in a clone the base is where main and origin/main last agreed
    upstream = init_repo(tmp_path / "upstream")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(upstream), str(clone))
    commit(clone, TITLE_EDIT, "committed on main, not pushed")
    (clone / "plan/alue-a.yaml").write_text(
        (clone / "plan/alue-a.yaml").read_text().replace("Tavoite yksi", "Tavoite 1"), "utf-8"
    )
    result = run_diff("--repo", str(clone))
    assert "merge base of HEAD and origin/main" in result.stdout
    found = changes(run_diff("--repo", str(clone), "--format", "json"))
    assert [(c["id"], c["field"]) for c in found] == [
        ("tavoite-1", "title"),  # uncommitted
        ("tavoite-3", "title"),  # committed, not pushed
    ]
    git(upstream, "checkout", "--quiet", "-b", "elsewhere")  # so that main can be pushed to
    git(clone, "push", "--quiet", "origin", "main")
    git(clone, "fetch", "--quiet")
    after_push = changes(run_diff("--repo", str(clone), "--format", "json"))
    assert [(c["id"], c["field"]) for c in after_push] == [("tavoite-1", "title")]


def test_git_variables_of_another_repository_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # git exports GIT_DIR and GIT_INDEX_FILE to its hooks: hyte run from a hook of another
    # repository must still read the plan's own repository (diff, and the report's revision).
    from hytecli.report.revision import detect_revision

    repo = init_repo(tmp_path / "plan")
    head = commit(repo, TITLE_EDIT)
    other = init_repo(tmp_path / "other", {"README.md": "toinen\n"})
    (other / "README.md").write_text("muutettu\n", encoding="utf-8")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    monkeypatch.setenv("GIT_OBJECT_DIRECTORY", str(other / ".git" / "objects"))
    found = changes(run_diff("--repo", str(repo), "--format", "json", "HEAD~1", "HEAD"))
    assert [(c["id"], c["field"]) for c in found] == [("tavoite-3", "title")]
    revision = detect_revision(repo)
    assert (revision.state, revision.commit) == ("clean", head)


def test_a_hung_git_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from hytecli import gitrun
    from hytecli.report.revision import detect_revision

    def hang(*args: object, **kwargs: object) -> None:
        assert kwargs["timeout"] == gitrun.GIT_TIMEOUT
        raise subprocess.TimeoutExpired("git", gitrun.GIT_TIMEOUT)

    repo = init_repo(tmp_path / "plan")
    monkeypatch.setattr(gitrun.subprocess, "run", hang)
    result = run_diff("--repo", str(repo))
    assert result.exit_code == 2
    assert f"did not finish within {gitrun.GIT_TIMEOUT} seconds" in result.stderr
    assert detect_revision(repo).state == "not_a_repository"


def test_a_linked_plan_file_is_followed_as_the_working_tree_follows_it(tmp_path: Path) -> None:
    # indicators/mittari-3.yaml is a link to a shared file elsewhere in the repository: hyte diff
    # reads it at a revision as the working tree does (once, it showed as added or removed).
    repo = init_repo(tmp_path / "plan")
    shared = repo / "shared" / "mittari-3.yaml"
    shared.parent.mkdir()
    (repo / "indicators/mittari-3.yaml").rename(shared)
    (repo / "indicators/mittari-3.yaml").symlink_to("../shared/mittari-3.yaml")
    commit(repo, {}, "link the indicator")
    assert git(repo, "ls-files", "-s", "indicators/mittari-3.yaml").startswith("120000")
    result = run_diff("--repo", str(repo))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("No plan changes from")
    assert changes(run_diff("--repo", str(repo), "--format", "json", "HEAD~1", "HEAD")) == []
    # A change to the file linked to is a change of the plan at the next revision.
    commit(repo, {"shared/mittari-3.yaml": shared.read_text().replace("value: 14", "value: 10")})
    found = changes(run_diff("--repo", str(repo), "--format", "json", "HEAD~1", "HEAD"))
    assert [(c["id"], c["field"], c["old"], c["new"]) for c in found] == [
        ("mittari-3", "target.value", 14, 10)
    ]


def test_a_link_out_of_the_repository_is_refused_with_a_reason(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "plan")
    outside = tmp_path / "jaettu" / "mittari-3.yaml"
    outside.parent.mkdir()
    (repo / "indicators/mittari-3.yaml").rename(outside)
    (repo / "indicators/mittari-3.yaml").symlink_to(outside)
    commit(repo, {}, "link outside")
    result = run_diff("--repo", str(repo), "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert (
        f"indicators/mittari-3.yaml: error Y013 this is a symbolic link to {outside} at HEAD ("
        in result.stderr
    )
    assert "outside the git repository" in result.stderr


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (lambda repo: (repo / "indicators/katkennut.yaml").symlink_to("ei-ole.yaml"), "dangling"),
        (lambda repo: (repo / "indicators/silmukka.yaml").symlink_to("silmukka.yaml"), "loop"),
        (lambda repo: (repo / "indicators/kansio.yaml").symlink_to(".."), "a symbolic link to a"),
        (
            lambda repo: (
                (repo / "indicators/kansio.yaml").mkdir()
                or (repo / "indicators/kansio.yaml/x.txt").write_text("x")
            ),
            "this is a folder at HEAD",
        ),
    ],
)
def test_an_entry_that_is_no_file_at_a_revision_is_a_located_error(
    tmp_path: Path, make: Callable[[Path], object], what: str
) -> None:
    repo = init_repo(tmp_path / "plan")
    make(repo)
    commit(repo, {}, "an entry that is no file")
    result = run_diff("--repo", str(repo), "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if " error Y012 " in line]
    assert len(lines) == 1 and lines[0].startswith("indicators/"), result.stderr
    assert what in lines[0] and "not an ordinary file" in lines[0]
    # The working tree reports the same entry (hyte validate)
    validated = CliRunner().invoke(app, ["validate", "--repo", str(repo)])
    assert validated.exit_code == 1
    assert " error Y012 " in validated.stdout
