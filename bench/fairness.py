"""Fair sharing inside one server process: a lesson run beside the heaviest one, and Stop.

    python bench/fairness.py [--repeat 3] [--stops 5]

Starts ``streamlit run`` on 127.0.0.1 and drives real sessions of it (websocket clients that
speak the app's protocol, see bench/streamlit_server.py). Prints:

- the lesson preset's run alone, as its visitor waits for it (Train click to the page drawn,
  the chart's animation included), median of ``--repeat``;
- the same while another session trains the heaviest configuration the UI allows (8 hidden
  layers, n[1] = 256 and the others 512 units, Adam, mini-batches of 16), and the ratio
  (goal: at most 3);
- the time from a stop request to the heavy run's ``Trainer.run`` ending (goal: at most
  0.3 s), measured in this process with the session's own trainer, pause hook and compute
  slots (Streamlit raises its StopException at the same place: the pause hook's touch of the
  progress bar); and, with real sessions, the time from a Stop click to the page saying
  "Stopped at iteration …" (which it can say only once the run has ended and the app has
  scored the model), ``--stops`` times each;
- the heavy run's speed and the server's memory.

Every wait is bounded; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import queue
import re
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_test import HEAVY as HEAVY_RUN  # noqa: E402
from bench.streamlit_client import Run, Session, read_element  # noqa: E402
from bench.streamlit_server import rss_mb, start_server, stop_server  # noqa: E402

LESSON_DONE = "Finished: 2500 iterations"
HEAVY = {  # the load test's heaviest run, widget key → value in the order they appear
    "hidden_layers": HEAVY_RUN["hidden_layers"],
    **{f"units_{k}": n for k, n in enumerate(HEAVY_RUN["units"])},
    "iterations": 10_000,
    "optimizer": HEAVY_RUN["optimizer"],  # the option's label, as a browser sends it
    "batch_size": HEAVY_RUN["batch_size"],
}


class Visitor:
    """A session whose messages are read by a thread, so clicks can be sent at any time."""

    def __init__(self, url: str) -> None:
        self.session = Session(url, "training", timeout=300)
        self.session.run()  # the page once: its widgets' ids
        self.events: queue.Queue = queue.Queue()  # (time, kind, payload): see _read
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        while True:
            try:
                raw = self.session.ws.recv()
            except Exception:  # closed
                return
            f = ForwardMsg()
            f.ParseFromString(raw)
            now, kind = time.perf_counter(), f.WhichOneof("type")
            if kind == "script_finished":
                self.events.put((now, "finished", f.script_finished))
            elif kind == "new_session":  # a script run starts (so the one before has ended)
                self.events.put((now, "started", None))
            elif kind == "delta" and f.delta.WhichOneof("type") == "new_element":
                e, element = f.delta.new_element, Run(0.0)
                read_element(e, element)  # the widgets' ids and kinds, the texts
                self.session.widgets.update(element.widgets)
                self.session.kinds.update(element.kinds)
                for text in element.texts:
                    self.events.put((now, "text", text))
                if e.WhichOneof("type") == "progress":
                    self.events.put((now, "progress", e.progress.text))

    def send(self, clicks: tuple[str, ...] = (), **values) -> float:
        """Rerun with these widget values (kept for later reruns) and clicks; the send time."""
        for key, value in values.items():
            self.session.set(key, value)
        start = time.perf_counter()
        self.session.send_rerun(clicks)
        return start

    def until(self, what: str, timeout: float = 300.0) -> tuple[float, list[str], list[str]]:
        """Wait for an event of kind ``what``, or a text containing it: (time, texts, progress).

        ``what`` is ``finished``, ``started`` or a piece of text; the lists hold what came
        before it.
        A run interrupted by a click sends no ``finished``; with Streamlit's fast reruns the
        next run starts at once, while the interrupted one still goes on to its next
        Streamlit call (the app's next run waits for it before it draws the run's outcome).
        """
        texts, progress = [], []
        deadline = time.monotonic() + timeout
        while True:
            now, kind, payload = self.events.get(timeout=max(0.1, deadline - time.monotonic()))
            if kind == what or (kind == "text" and what in payload):
                return now, texts, progress
            if kind in ("text", "progress"):
                (texts if kind == "text" else progress).append(payload)

    def until_finished(self, timeout: float = 300.0) -> tuple[float, list[str], list[str]]:
        """Wait for the end of the script run under way: (time, texts, progress texts)."""
        return self.until("finished", timeout)

    def configure(self, settings: dict) -> None:
        """Set widgets one rerun at a time (later ones appear after earlier ones are set)."""
        for key, value in settings.items():
            self.send(**{key: value})
            self.until_finished()

    def close(self) -> None:
        """Close the tab."""
        self.session.close()


def lesson_run(visitor: Visitor) -> float:
    """Seconds from the Train click to the page drawn, for the lesson preset."""
    start = visitor.send(("train_button",))
    end, texts, _ = visitor.until_finished()
    if not any(LESSON_DONE in t for t in texts):
        raise RuntimeError(f"the lesson run did not finish as expected: {texts}")
    return end - start


def engine_stop_delays(times: int) -> list[float]:
    """Seconds from a stop request to the heavy run's ``Trainer.run`` ending, in this process.

    The same trainer, pause hook and compute slots as a session's, with the bar's touch (where
    Streamlit raises when Stop was clicked) replaced by raising when an event is set.
    """
    import numpy as np

    import dnn
    from ui.core.compute import SLICE_SECONDS, SLOTS, ComputePool, Slot

    data = dnn.load_dataset()
    dims = (12288, HEAVY["units_0"], *[HEAVY["units_1"]] * 7, 1)
    config = dnn.TrainConfig(dims, optimizer="adam", batch_size=16, num_iterations=10_000)
    delays = []
    for k in range(times):
        trainer = dnn.Trainer(data.train_x, data.train_y, config, data.test_x, data.test_y)
        slot, stop = Slot(ComputePool(SLOTS)), threading.Event()
        ended = []

        def pause(slot=slot, stop=stop):
            slot.turn()
            if stop.is_set():
                raise KeyboardInterrupt  # where StopException comes from in the app

        def run(trainer=trainer, slot=slot, pause=pause, ended=ended):
            slot.take()
            try:
                trainer.run(10_000, every=10, pause=pause, slice_seconds=SLICE_SECONDS)
            except KeyboardInterrupt:
                ended.append(time.perf_counter())
            finally:
                slot.give()

        thread = threading.Thread(target=run)
        thread.start()
        time.sleep(1.0 + 0.37 * k % 0.5)
        stop.set()
        asked = time.perf_counter()
        thread.join(30)
        delays.append(ended[0] - asked)
        assert np.isfinite(trainer.costs).all() and trainer.status == "stopped"
    return delays


def rate_of(progress: list[str]) -> float:
    """The last iterations-per-second figure a progress bar showed."""
    rates = [re.search(r"· ([\d,.]+) iterations/s", p) for p in progress]
    rates = [float(r.group(1).replace(",", "")) for r in rates if r]
    return rates[-1] if rates else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stops", type=int, default=5)
    args = parser.parse_args()
    proc, url = start_server()
    try:
        lesson, heavy = Visitor(url), Visitor(url)
        lesson_run(lesson)  # warm: data set, Gram matrix and Plotly loaded once
        alone = [lesson_run(lesson) for _ in range(args.repeat)]
        heavy.configure(HEAVY)
        beside, stops, rates = [], [], []
        for k in range(max(args.repeat, args.stops)):
            heavy.send(("train_button",))
            heavy.until("started")
            time.sleep(2.0)  # the heavy run is well under way
            if k < args.repeat:
                beside.append(lesson_run(lesson))
            time.sleep(0.3 + 0.37 * k % 0.5)  # Stop at varied points of its steps
            clicked = heavy.send(("stop_button",))
            # the click's run shows this once the interrupted run has ended (it waits for it)
            ended, _, progress = heavy.until("Stopped at iteration", timeout=60)
            if k < args.stops:
                stops.append(ended - clicked)
            rates.append(rate_of(progress))
            heavy.until_finished()
        memory = rss_mb(proc.pid)
        lesson.close()
        heavy.close()
    finally:
        log = stop_server(proc)
    engine = engine_stop_delays(args.stops)
    a, b = statistics.median(alone), statistics.median(beside)
    print("One server process on 127.0.0.1 (a shared machine inflates every figure)")
    print(f"  lesson preset alone:             median {a:.2f} s  {_list(alone)}")
    print(f"  beside the heaviest run:         median {b:.2f} s  {_list(beside)}")
    print(f"  ratio (goal ≤ 3):                {b / a:.2f}")
    print(f"  Stop → heavy run ended (≤ 0.3 s): max {max(engine):.3f} s  {_list(engine, 3)}")
    print("    (in this process: the session's trainer, pause hook and slots, without Streamlit)")
    print(f"  Stop → page says 'Stopped':      max {max(stops):.3f} s  {_list(stops, 3)}")
    print("    (real sessions: the run ends, then the app scores the model and redraws)")
    print(
        f"  heavy run speed: ≈{statistics.median(rates):.0f} epoch/s as its progress bar says "
        "(8 hidden layers [256, 512, …], Adam, batches of 16)"
    )
    print(f"  server memory after: {memory:.0f} MB; server tracebacks: {log.count('Traceback')}")


def _list(values, digits: int = 2) -> str:
    return "(" + ", ".join(f"{v:.{digits}f}" for v in values) + ")"


if __name__ == "__main__":
    main()
