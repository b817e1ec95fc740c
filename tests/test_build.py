"""Building: the command line, failed builds that leave the last good site, strict mkdocs."""
from conftest import run_generator
from helpers import edit, minimal_tree


def _snapshot(folder):
    return {path.relative_to(folder): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_build_writes_the_site_and_mkdocs_project(tmp_path):
    root = minimal_tree(tmp_path)
    result = run_generator("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert (root / "site/index.html").exists()
    assert (root / "site/causes/cold-feet/index.html").exists()
    assert (root / "build/mkdocs.yml").exists()
    assert not (root / ".site.new").exists()


def test_bad_content_fails_with_problems_and_leaves_the_site_untouched(tmp_path):
    root = minimal_tree(tmp_path)
    assert run_generator("build", "--root", str(root)).returncode == 0
    before = _snapshot(root / "site")
    edit(root, "content/locations/feet.yml", "links: [diagnosis]", "links: [diagnosys]")
    edit(root, "content/causes/cold-feet.yml", "Cold slows the blood.", "<script>x</script>")
    result = run_generator("build", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/causes/cold-feet.yml:7: raw HTML ('<s...') is not allowed in content; use "
        "Markdown instead",
        "content/locations/feet.yml:9: link to unknown page 'diagnosys' (did you mean "
        "'diagnosis'?)",
        "build failed; the last good site was left as it was"]
    assert "Traceback" not in result.stderr
    assert _snapshot(root / "site") == before


def test_a_failing_mkdocs_build_leaves_the_site_untouched(tmp_path):
    root = minimal_tree(tmp_path)
    assert run_generator("build", "--root", str(root)).returncode == 0
    before = _snapshot(root / "site")
    edit(root, "content/causes/cold-feet.yml", "(diagnosis#about-diagnosis)",
         "(diagnosis#no-such-anchor)")
    result = run_generator("build", "--root", str(root))
    assert result.returncode == 1
    assert "no-such-anchor" in result.stderr
    assert _snapshot(root / "site") == before


def test_check_reports_and_writes_nothing(tmp_path):
    root = minimal_tree(tmp_path)
    edit(root, "content/locations/feet.yml", "links: [diagnosis]", "links: [diagnosys]")
    result = run_generator("check", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "1 error(s) in content"
    assert not (root / "build").exists() and not (root / "site").exists()


def test_check_passes_on_the_real_content():
    result = run_generator("check")
    assert result.returncode == 0, result.stderr


def test_objects_made_before_mkdocs_runs_are_left_out_of_its_collections_then_put_back():
    import gc

    from generator.build.mkdocs_run import earlier_objects_frozen

    model = [{"page": number} for number in range(1000)]
    before = gc.get_freeze_count()
    with earlier_objects_frozen():
        assert gc.get_freeze_count() >= before + len(model)
    assert gc.get_freeze_count() == before
