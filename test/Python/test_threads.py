"""One kernel called from several Python threads at once (ctypes releases
the GIL): each thread's results against PyTorch, and each thread's error
message its own."""

import threading
import unittest

import torch

import tconv
from support import assert_close, load_kernels, operands, reference

THREADS = 8
CALLS = 20


class ThreadTest(unittest.TestCase):
    def run_threads(self, body):
        barrier = threading.Barrier(THREADS)
        failures = []

        def run(i):
            try:
                barrier.wait()
                body(i)
            except BaseException as e:  # reported by the main thread
                failures.append((i, e))

        threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])

    def test_concurrent_calls_match_pytorch(self):
        k = load_kernels().ups_0
        # Distinct shapes and values per thread: a mixed-up buffer shows.
        cases = [operands(k, 1 + i % 3, 20 + 7 * i, seed=i) for i in range(THREADS)]
        wants = [reference("ups_0", *ops) for ops in cases]
        results = [[] for _ in range(THREADS)]

        def body(i):
            for _ in range(CALLS):
                results[i].append(k(*cases[i]))

        self.run_threads(body)
        for i in range(THREADS):
            self.assertEqual(len(results[i]), CALLS)
            for got in results[i]:
                assert_close(self, got, wants[i], torch.float32)

    def test_concurrent_errors_keep_their_own_message(self):
        k = load_kernels().ups_0
        x, w, b = operands(k, 1, 16)
        bad = {0: (x.double(), w, b), 1: (x[0], w, b)}
        expect = {0: "type of the buffer passed in is float64",
                  1: "requires a buffer of exactly 3 dimensions"}

        def body(i):
            for _ in range(CALLS):
                if i % 3 == 2:
                    self.assertEqual(tuple(k(x, w, b).shape), (1, 32, 128))
                    continue
                try:
                    k(*bad[i % 3])
                except tconv.KernelError as e:
                    if expect[i % 3] not in str(e) or expect[1 - i % 3] in str(e):
                        raise AssertionError("thread %d got: %s" % (i, e))
                else:
                    raise AssertionError("thread %d: no error" % i)

        self.run_threads(body)


if __name__ == "__main__":
    unittest.main()
