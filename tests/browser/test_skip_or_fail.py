"""Without a browser the browser tests skip on a laptop, with install advice, and fail in CI."""
import pytest

import labdriver


def test_a_missing_chromium_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(labdriver, "CHROMIUM", str(tmp_path / "chromium"))
    reason = labdriver.browser_missing()
    assert "apt-get install -y chromium" in reason and "pip install -r requirements.txt" in reason


def test_skips_on_a_laptop():
    with pytest.raises(pytest.skip.Exception, match="no chromium here"):
        labdriver.cannot_run("no chromium here", ci="")


def test_fails_in_ci():
    with pytest.raises(pytest.fail.Exception, match="CI=true, so the browser test must run, but: no chromium"):
        labdriver.cannot_run("no chromium here", ci="true")
