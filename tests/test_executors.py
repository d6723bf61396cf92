"""Executors: every registered executor maps in input order, and which one ran a comparison
never shows in its result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policydiff.cli import cli
from policydiff.errors import MissingExtra, OptionError
from policydiff.executors import EXECUTORS, DaskExecutor, LocalExecutor, executor_for, make_executor
from policydiff.options import CompareOptions
from policydiff.pipeline import Comparer
from policydiff.serialize import dumps

DEMO = sorted((Path(__file__).resolve().parents[1] / "corpora" / "demo").glob("20*"))
NO_DASK = "the dask executor needs dask.distributed: pip install 'policydiff[dask]'"


def _power(base: int, *, exponent: int) -> int:
    """A pure, picklable function of one item and a shared argument."""
    return base**exponent


@pytest.fixture(scope="module")
def dask_scheduler():
    """Address of a running two-worker local cluster, as `--scheduler ADDRESS` would give."""
    pytest.importorskip("distributed", reason=NO_DASK)
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(params=sorted(EXECUTORS))
def executor(request):
    """Each registered executor; dask connected to a running cluster."""
    if request.param == "dask":
        scheduler = request.getfixturevalue("dask_scheduler")
        with make_executor("dask", scheduler=scheduler) as made:
            yield made
    else:
        with make_executor(request.param) as made:
            yield made


def test_every_executor_maps_in_input_order_with_shared_arguments(executor):
    assert executor.map(_power, [3, 1, 4, 1, 5, 9, 2, 6], common={"exponent": 2}) == [9, 1, 16, 1, 25, 81, 4, 36]


def test_every_executor_maps_nothing_to_an_empty_list(executor):
    assert executor.map(_power, [], common={"exponent": 2}) == []


def test_every_executor_reports_progress_up_to_the_number_of_items(executor):
    reported = []
    executor.map(_power, [1, 2, 3, 4], common={"exponent": 3}, progress=reported.append)
    assert reported == [1, 2, 3, 4]


def test_the_demo_comparison_is_byte_identical_whichever_executor_runs_it(executor):
    local = dumps(Comparer().compare(DEMO))
    assert dumps(Comparer(executor=executor).compare(DEMO)) == local


def test_the_dask_executor_alone_starts_a_local_cluster_and_closes_it():
    pytest.importorskip("distributed", reason=NO_DASK)
    executor = DaskExecutor(n_workers=2, processes=False)
    with executor:
        assert executor.map(_power, [2, 3], common={"exponent": 2}) == [4, 9]
        cluster = executor.cluster_
    assert not hasattr(executor, "client_") and not hasattr(executor, "cluster_")
    assert cluster.status.name == "closed"


def test_the_dask_executor_by_name_gives_a_byte_identical_comparison_in_parties_mode(dask_scheduler):
    options = CompareOptions(mode="parties")
    local = dumps(Comparer(options).compare(DEMO))
    remote = Comparer(options, executor="dask", scheduler=dask_scheduler).compare(DEMO)
    assert dumps(remote) == local


def test_an_unknown_executor_is_refused_with_the_choices():
    with pytest.raises(OptionError, match="unknown executor 'spark'; choose from local, dask"):
        make_executor("spark")


def test_a_scheduler_address_needs_the_dask_executor():
    with pytest.raises(OptionError, match="scheduler address needs the dask executor"):
        make_executor("local", scheduler="tcp://127.0.0.1:8786")


def test_a_missing_dask_raises_missing_extra_on_use_not_on_choice(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    executor = make_executor("dask")
    with pytest.raises(MissingExtra, match=r"pip install 'policydiff\[dask\]'"):
        executor.map(_power, [1], common={"exponent": 1})


def test_choosing_dask_imports_it_only_when_work_is_sent():
    probe = (
        "import sys\nfrom policydiff.executors import make_executor\nmake_executor('dask')\n"
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_ready_executor_is_used_as_given_and_left_open():
    class Recording(LocalExecutor):
        closed = False

        def close(self):
            self.closed = True

    given = Recording()
    with executor_for(given) as executor:
        assert executor is given
    assert not given.closed


def test_an_executor_made_by_name_is_closed_afterwards(monkeypatch):
    closed = []
    monkeypatch.setattr(LocalExecutor, "close", lambda self: closed.append(self))
    with executor_for("local") as executor:
        assert isinstance(executor, LocalExecutor)
    assert closed == [executor]


def test_the_command_line_refuses_a_scheduler_without_the_dask_executor():
    paths = [str(p) for p in DEMO]
    result = CliRunner().invoke(cli, ["compare", *paths, "--no-cache", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.output == "Error: a scheduler address needs the dask executor, not 'local'\n"


def test_the_command_line_runs_on_the_dask_executor_by_name(dask_scheduler, tmp_path):
    paths = [str(p) for p in DEMO]
    local, remote = tmp_path / "local", tmp_path / "dask"
    common = ["compare", *paths, "--quiet", "--no-cache"]
    assert CliRunner().invoke(cli, [*common, "--out", str(local)]).exit_code == 0
    result = CliRunner().invoke(cli, [*common, "--out", str(remote), "--executor", "dask", "--scheduler", dask_scheduler])
    assert result.exit_code == 0, result.output
    assert (remote / "comparison.json").read_bytes() == (local / "comparison.json").read_bytes()
