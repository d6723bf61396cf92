"""Executors: where the independent units of a comparison run.

An executor maps a pure function over picklable items and returns the results in input
order, so a comparison is byte-identical whichever executor ran it.  Two are registered by
name in :data:`EXECUTORS`, each a ``"module:Class"`` string imported only when chosen, so
``policydiff --help`` can list the names without importing dask:

* ``"local"`` runs every call in this process, one after another (the null executor);
* ``"dask"`` sends the calls to a dask.distributed cluster: a :class:`~distributed.LocalCluster`
  started for the run, or an existing scheduler given by address.

Executors are context managers: leaving the ``with`` block closes whatever they started.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from policydiff.errors import MissingExtra, OptionError

EXECUTORS = {
    "local": "policydiff.executors:LocalExecutor",
    "dask": "policydiff.executors:DaskExecutor",
}

#: Called with the number of items done so far, as they finish.
Progress = Callable[[int], None]


class Executor(Protocol):
    """What the pipeline needs of an executor."""

    def map(
        self,
        fn: Callable[..., Any],
        items: Sequence[Any],
        *,
        common: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> list[Any]:
        """``[fn(item, **common) for item in items]``, in input order."""

    def close(self) -> None:
        """Release whatever the executor started (workers, connections)."""


def make_executor(name: str = "local", scheduler: str | None = None) -> Executor:
    """A new executor by registry name.

    Parameters
    ----------
    name : str
        A key of :data:`EXECUTORS`.
    scheduler : str, optional
        Address of a running dask scheduler (``tcp://host:8786``); only for ``"dask"``.
        Without it, ``"dask"`` starts a local cluster of one worker process per core.

    Raises
    ------
    OptionError
        The name is unknown, or a scheduler was given to an executor that has none.
    MissingExtra
        Raised on first use, not here, when dask is chosen but not installed.
    """
    if name not in EXECUTORS:
        raise OptionError(f"unknown executor {name!r}; choose from {', '.join(EXECUTORS)}")
    module_name, class_name = EXECUTORS[name].split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if scheduler is not None:
        if name != "dask":
            raise OptionError(f"a scheduler address needs the dask executor, not {name!r}")
        return cls(scheduler)
    return cls()


@contextmanager
def executor_for(executor: str | Executor, scheduler: str | None = None) -> Iterator[Executor]:
    """The executor to run a comparison on, closed afterwards if it was made here.

    A name makes a new executor that lives for the ``with`` block; a ready executor object
    (the caller's own dask client, say) is used as it is and left open for its owner.
    """
    if not isinstance(executor, str):
        yield executor
        return
    made = make_executor(executor, scheduler)
    with made:
        yield made


class LocalExecutor:
    """Runs every call in this process, in order: the null executor."""

    def map(
        self,
        fn: Callable[..., Any],
        items: Sequence[Any],
        *,
        common: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> list[Any]:
        """``[fn(item, **common) for item in items]``, reporting each result as it comes."""
        results = []
        for item in items:
            results.append(fn(item, **(common or {})))
            if progress is not None:
                progress(len(results))
        return results

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class DaskExecutor:
    """Runs calls on a dask.distributed cluster.

    Parameters
    ----------
    scheduler : str or object, optional
        Address of a running scheduler, or anything :class:`distributed.Client` accepts
        (a ``LocalCluster``, say).  None starts a local cluster for the executor's lifetime.
    n_workers : int, optional
        Worker processes of that local cluster; one per core when omitted.
    processes : bool, default=True
        Whether the local cluster's workers are processes (true parallelism for pure-Python
        stages) or threads in this process.

    Attributes
    ----------
    client_ : distributed.Client
        The connection, made on first use.
    cluster_ : distributed.LocalCluster
        The cluster started for this executor, when no scheduler was given.
    """

    def __init__(self, scheduler: Any = None, *, n_workers: int | None = None, processes: bool = True) -> None:
        self.scheduler = scheduler
        self.n_workers = n_workers
        self.processes = processes

    def map(
        self,
        fn: Callable[..., Any],
        items: Sequence[Any],
        *,
        common: dict[str, Any] | None = None,
        progress: Progress | None = None,
    ) -> list[Any]:
        """``[fn(item, **common) for item in items]`` computed on the cluster, in input order.

        The ``common`` values (the fitted scorer, all pledges…) are sent to every worker once
        rather than with each call.
        """
        if not items:
            return []
        client = self._client()
        from distributed import as_completed

        shared = {name: client.scatter([value], broadcast=True, hash=False)[0] for name, value in (common or {}).items()}
        futures = client.map(fn, list(items), pure=False, **shared)
        if progress is not None:
            with client.as_current():
                for done, _ in enumerate(as_completed(futures), start=1):
                    progress(done)
        return client.gather(futures)

    def close(self) -> None:
        """Close the connection, and the local cluster if this executor started it."""
        client, cluster = getattr(self, "client_", None), getattr(self, "cluster_", None)
        if client is not None:
            client.close()
            del self.client_
        if cluster is not None:
            cluster.close()
            del self.cluster_

    def __enter__(self) -> DaskExecutor:
        self._client()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _client(self):
        if getattr(self, "client_", None) is not None:
            return self.client_
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise MissingExtra("dask", "the dask executor") from None
        if self.scheduler is None:
            # One single-threaded worker per core: the distributed stages are pure Python and
            # hold the GIL, so threads within a worker would only queue behind each other.
            self.cluster_ = LocalCluster(
                n_workers=self.n_workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=None,
            )
            self.client_ = Client(self.cluster_, set_as_default=False)
        else:
            self.client_ = Client(self.scheduler, set_as_default=False)
        return self.client_
