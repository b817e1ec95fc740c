"""The GitHub workflows load, call make targets that exist, and do what CONTRIBUTING.md promises."""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
MAKE_CALL = re.compile(r"\bmake\s+([a-z][a-z-]*)")


def _load(name):
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key 'on' as true.
    workflow["on"] = workflow.pop(True)
    return workflow


def _makefile_targets():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.M))


def _steps(workflow):
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _made(workflow):
    """The make targets that the workflow's run steps call."""
    return [target for step in _steps(workflow)
            for target in MAKE_CALL.findall(step.get("run", ""))]


def _actions(workflow):
    return [step["uses"].split("@")[0] for step in _steps(workflow) if "uses" in step]


@pytest.mark.parametrize("name", sorted(path.name for path in WORKFLOWS.glob("*.yml")))
def test_workflow_loads_and_calls_only_existing_make_targets(name):
    workflow = _load(name)
    assert workflow["name"] and workflow["on"] and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
    assert set(_made(workflow)) <= _makefile_targets()


def test_the_three_workflows_are_there():
    assert sorted(path.name for path in WORKFLOWS.glob("*.yml")) == [
        "preview.yml", "publish.yml", "test.yml"]


def test_tests_run_on_pull_requests_and_pushes():
    workflow = _load("test.yml")
    assert {"pull_request", "push"} <= set(workflow["on"])
    assert _made(workflow) == ["test"]
    setups = {step["uses"].split("@")[0]: step["with"] for step in _steps(workflow)
              if "setup-" in step.get("uses", "")}
    assert setups["actions/setup-python"]["python-version"] == "3.11"
    assert setups["actions/setup-node"]["node-version"] == "20"


def test_pull_requests_get_the_site_diff_as_comment_and_artifact():
    workflow = _load("preview.yml")
    assert list(workflow["on"]) == ["pull_request"]
    diff_job, comment_job = workflow["jobs"]["diff"], workflow["jobs"]["comment"]
    [run] = [step["run"] for step in diff_job["steps"] if "run" in step]
    assert run == 'make diff BASE="origin/$BASE_REF" DIFF_OUT=site-diff.md'
    assert diff_job["steps"][0]["with"]["fetch-depth"] == 0
    assert "actions/upload-artifact" in _actions({"jobs": {"diff": diff_job}})
    assert comment_job["needs"] == "diff"
    assert comment_job["permissions"] == {"pull-requests": "write"}
    assert "pull-requests" not in workflow["permissions"]
    script = comment_job["steps"][-1]["with"]["script"]
    assert "site-diff.md" in script and "createComment" in script and "updateComment" in script


def test_main_is_published_to_pages_with_the_offline_bundle():
    workflow = _load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert _made(workflow) == ["build", "bundle"]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages",
            "actions/upload-artifact"} <= set(_actions(workflow))
    bundle = next(step for step in _steps(workflow)
                  if step.get("uses", "").startswith("actions/upload-artifact"))
    assert bundle["with"]["path"] == "dist/*.zip"
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def _checklist(text, pattern):
    return re.findall(pattern, text, re.M)


def test_pull_request_template_carries_the_reviewers_checklist():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    reviewed = contributing.split("## What reviewers check")[1].split("\n## ")[0]
    expected = _checklist(reviewed, r"^- \*\*(.+?)\*\*")
    assert _checklist(template, r"^- \[ \] \*\*(.+?)\*\*") == expected
    assert {"Accurate to the source article.", "Red flags never played down.",
            "Reading age of 9 to 11.", "Review dates.", "Links declared once."} <= set(expected)


def test_readme_links_to_contributing():
    assert "(CONTRIBUTING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
