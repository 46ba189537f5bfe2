"""``import --cluster`` where Dask is not installed, or the address is wrong: one sentence, nothing imported."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.cli.main import main


def _page(tmp_path: Path, data_dir: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "rmrb_20210101_04.txt").write_text((data_dir / "text" / "seed_page.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    return src


def test_without_dask_the_cli_says_how_to_install_it(tmp_path: Path, data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    src = _page(tmp_path, data_dir)
    status = main(["import", str(src), "--library", str(tmp_path / "lib"), "--cluster", "local:2", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err == ["broadsheet: --cluster needs Dask's distributed scheduler, which is not installed: "
                   "pip install 'broadsheet[cluster]' (or: pip install 'dask[distributed]')."]
    assert not (tmp_path / "lib").exists(), "a bad argument makes no library"


@pytest.mark.parametrize("spec", ["local:0", "local:many", "http://host:8786", "host:8786"])
def test_a_wrong_address_is_one_sentence(tmp_path: Path, data_dir: Path, spec: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    src = _page(tmp_path, data_dir)
    status = main(["import", str(src), "--library", str(tmp_path / "lib"), "--cluster", spec, "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1 and err[0].startswith(f"broadsheet: --cluster {spec}: ")
    assert not (tmp_path / "lib").exists(), "a bad argument makes no library"
