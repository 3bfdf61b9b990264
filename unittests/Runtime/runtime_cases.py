"""The runtime test configurations: ONE table for runtime-tests and
torch-crosscheck-tests.

gen_runtime_cases.py turns this table, at CMake configure time, into .mlir
files (one func.func per case, grouped by `file`) that tconv-compile compiles
at build time, and into a C++ table (runtime_cases.inc) that the gtest
binaries iterate. Nothing generated is committed.

Each case is written as the framework call it stands for: `flavor` "torch"
(tconv.torch_conv_transpose: padding / output_padding per spatial dim) or "ms"
(tconv.ms_conv_transpose: pad_mode, padding per dim or MindSpore's
(begin, end) pairs, output_padding, group). The canonical padding is NOT
written here: the test oracles (test/support/, in C++ and in Python) derive
it from the flavor parameters on their own, and the tconv verifier checks the
declared result type. The "row n" of the comments are rows of the table in
docs/spec.md §7.2.

Fields (spatial tuples are in MLIR order, outermost spatial dim first; a
scalar is broadcast to every spatial dim):
  name      func name, unique, [a-z0-9_]
  flavor    "torch" or "ms"
  file      which generated .mlir holds the func (a few files, so the build
            runs several tconv-compile processes in parallel)
  dtype     "f32" (default), "f64", "f16", "bf16"
  n         batch; None = dynamic (`?` in the MLIR type)
  cin, cout, groups, bias
  size      input spatial sizes; an entry None = dynamic
  k, s, d   kernel, stride, dilation
  padding   torch: one value per dim; ms: one per dim or (begin, end) pairs
  op        output_padding (per dim); None = attribute absent
  pad_mode  ms only: "same", "valid", "pad"
  calls     list of (N, S0, ...) the kernel is run with; required when a size
            is dynamic (several sizes), default: the static shape
  torch     include in torch-crosscheck-tests (torch flavor only; default True)
"""

CASES = []


def case(name, flavor, file, *, n=1, cin=2, cout=3, groups=1, bias=True,
         size, k, s=1, d=1, padding=None, op=None, pad_mode=None,
         dtype="f32", calls=None, torch=True):
    rank = len(size)

    def per_dim(v):
        if v is None:
            return None
        if isinstance(v, int):
            return (v,) * rank
        return tuple(v)

    c = dict(name=name, flavor=flavor, file=file, dtype=dtype, n=n, cin=cin,
             cout=cout, groups=groups, bias=bias, size=tuple(size),
             k=per_dim(k), s=per_dim(s), d=per_dim(d),
             padding=None if padding is None else
             (per_dim(padding) if isinstance(padding, int) else tuple(padding)),
             op=per_dim(op), pad_mode=pad_mode,
             calls=calls, torch=torch and flavor == "torch")
    dynamic = n is None or any(x is None for x in size)
    if calls is None:
        assert not dynamic, name + ": dynamic sizes need calls"
        c["calls"] = [(n,) + tuple(size)]
    for call in c["calls"]:
        assert len(call) == rank + 1, name
        assert n is None or call[0] == n, name
        for given, static in zip(call[1:], size):
            assert static is None or given == static, name
    CASES.append(c)


# --- PyTorch, 1-D ----------------------------------------------------------
case("t1_basic", "torch", "torch", n=2, cin=3, cout=4, size=(7,), k=3, s=2,
     padding=1, op=1)                                   # (1, 0), row 6
case("t1_nobias_s1", "torch", "torch", cin=2, cout=3, size=(5,), k=4,
     bias=False)                                        # (0, 0)
case("t1_pad_gt_dk", "torch", "torch", size=(5,), k=3, s=2, padding=3)
                                                        # p > dk-1: (3, 3), row 8
case("t1_op_lt_dil", "torch", "torch", size=(5,), k=3, s=1, d=2, op=1)
                                                        # stride <= op < dilation: (0, -1), row 7
case("t1_dil_groups", "torch", "torch", n=2, cin=4, cout=6, groups=2,
     size=(6,), k=3, s=2, d=2, padding=2, op=1)         # (2, 1), row 11
case("t1_depthwise", "torch", "torch", cin=4, cout=4, groups=4, size=(11,),
     k=5, s=3, padding=2, op=2)                         # (2, 0), row 2 shape
case("t1_s_gt_dk", "torch", "torch", size=(13,), k=2, s=5, op=3)
                                                        # dk=2 < s: gaps, (0, -3)
case("t1_s_gt_dk_dil", "torch", "torch", cin=3, cout=2, size=(5,), k=2, s=7,
     d=2, padding=1, op=4, bias=False)                  # dk=3 < s, (1, -3)
case("t1_k1_s3", "torch", "torch", size=(6,), k=1, s=3, op=2)
                                                        # 1-tap kernel with gaps
case("t1_pointwise", "torch", "torch", n=3, cin=5, cout=3, size=(17,), k=1)
                                                        # k=1, s=1: a matmul
case("t1_wide", "torch", "torch", cin=16, cout=24, groups=4, size=(19,), k=8,
     s=4, padding=2)                                    # vector-width channels
case("t1_hifigan_like", "torch", "torch", cin=2, cout=8, size=(101,), k=16,
     s=8, padding=4)                                    # prime L, up1-like
case("t1_crop_interior", "torch", "torch", size=(9,), k=3, s=3, d=3,
     padding=6, op=2)                                   # p = dk-1 = 6, op < s
case("t1_dyn_nl", "torch", "torch", n=None, cin=3, cout=2, size=(None,),
     k=4, s=2, padding=1,
     calls=[(1, 1), (2, 5), (3, 17)])                   # dynamic N and L
case("t1_dyn_l", "torch", "torch", n=2, cin=2, cout=4, groups=2,
     size=(None,), k=5, s=3, d=2, padding=4, op=2, bias=False,
     calls=[(2, 2), (2, 7), (2, 13)])                   # dynamic L, prime sizes
case("t1_dyn_n", "torch", "torch", n=None, size=(9,), k=3, s=2, op=1,
     calls=[(1, 9), (4, 9)])                            # dynamic N
# A dynamic length is dispatched to specializations chosen per range of
# lengths (lib/Codegen/KernelPlan.h); their bounds fall on multiples of the
# vector width (8 or 16 positions per phase, here = L): every length up to
# 72 and both sides of the multiples of 16 above.
case("t1_dyn_dispatch", "torch", "torch", cin=16, cout=8, size=(None,), k=16,
     s=8, padding=4,
     calls=[(1, length) for length in
            list(range(1, 73)) +
            [m + e for m in (80, 96, 112, 128, 192, 256) for e in (-1, 0, 1)] +
            [300, 1001]])

# --- PyTorch, 2-D / 3-D ----------------------------------------------------
case("t2_basic", "torch", "nd", n=2, cin=3, cout=4, size=(5, 6), k=(3, 4),
     s=2, padding=1, op=(1, 0))
case("t2_asym", "torch", "nd", size=(4, 7), k=(2, 5), s=(3, 1), d=(1, 2),
     padding=(0, 3), op=(2, 1), bias=False)             # op < dilation in W
case("t2_groups", "torch", "nd", cin=6, cout=4, groups=2, size=(5, 5), k=3,
     s=2, padding=(2, 0), op=(0, 1))
case("t2_s_gt_dk", "torch", "nd", size=(3, 5), k=(1, 2), s=(3, 4),
     op=(2, 3))                                         # dk < s in both dims
case("t2_dyn", "torch", "nd", n=None, size=(None, None), k=4, s=2,
     padding=1, calls=[(1, 3, 4), (2, 5, 2)])
case("t3_basic", "torch", "nd", cin=2, cout=3, size=(3, 4, 5), k=3, s=2,
     padding=1, op=1)
case("t3_mixed", "torch", "nd", cin=4, cout=2, groups=2, size=(3, 3, 4),
     k=(2, 3, 1), s=(1, 2, 3), d=(2, 1, 1), padding=(0, 2, 0), op=(1, 0, 2),
     bias=False)
case("t3_dyn", "torch", "nd", n=None, size=(None, None, None), k=2, s=2,
     calls=[(1, 2, 3, 2), (2, 3, 1, 4)])

# --- MindSpore, 1-D --------------------------------------------------------
case("m1_same_even", "ms", "ms", n=2, size=(8,), k=5, s=3,
     pad_mode="same")                                   # (1, 1), row 13
case("m1_same_odd", "ms", "ms", size=(7,), k=4, s=3, pad_mode="same",
     bias=False)                                        # (0, 1), row 15
case("m1_same_dk_lt_s", "ms", "ms", size=(4,), k=2, s=3,
     pad_mode="same")                                   # (0, -1), row 17
case("m1_same_dil", "ms", "ms", size=(5,), k=3, s=2, d=2,
     pad_mode="same")                                   # dk=5: (1, 2), row 19
case("m1_valid", "ms", "ms", size=(6,), k=5, s=3, pad_mode="valid")
                                                        # (0, 0), row 14
case("m1_valid_dk_lt_s", "ms", "ms", size=(5,), k=2, s=5, d=2,
     pad_mode="valid")                                  # dk=3: (0, -2)
case("m1_pad", "ms", "ms", cin=4, cout=6, groups=2, size=(9,), k=4, s=2,
     padding=(2,), pad_mode="pad")                      # (2, 2)
case("m1_pad_zero", "ms", "ms", cin=3, cout=4, size=(11,), k=4,
     padding=(0,), pad_mode="pad", bias=False)          # (0, 0), row 12
case("m1_same_dyn", "ms", "ms", n=None, cin=3, cout=6, groups=3,
     size=(None,), k=4, s=2, d=3, pad_mode="same",
     calls=[(1, 1), (2, 6), (1, 23)])                   # dk=10: (4, 4)
case("m1_valid_dyn", "ms", "ms", size=(None,), k=3, s=4, pad_mode="valid",
     calls=[(1, 2), (1, 9)])                            # dk < s: (0, -1)

# --- MindSpore, 2-D / 3-D --------------------------------------------------
case("m2_same", "ms", "msnd", size=(4, 5), k=(3, 4), s=(2, 3),
     pad_mode="same")                                   # (0,1), (0,1)
case("m2_same_dk_lt_s", "ms", "msnd", size=(3, 4), k=(2, 1), s=(3, 2),
     pad_mode="same")                                   # (0,-1), (0,-1)
case("m2_valid", "ms", "msnd", size=(4, 3), k=(5, 2), s=(2, 3), d=(1, 1),
     pad_mode="valid", bias=False)                      # (0,0), (0,-1)
case("m2_pad_tuple", "ms", "msnd", size=(5, 5), k=3, s=2,
     padding=(1, 2, 0, 3), pad_mode="pad")              # rows 20/21
case("m2_pad_per_dim", "ms", "msnd", size=(4, 6), k=(3, 5), s=2,
     padding=(1, 2), pad_mode="pad")                    # (1,1), (2,2)
case("m2_op_bias", "ms", "msnd", size=(5, 5), k=3, s=2, padding=(1, 1),
     op=(1, 1), pad_mode="pad")                         # row 22: zeros after bias
case("m2_op_tuple_groups", "ms", "msnd", cin=2, cout=4, groups=2,
     size=(3, 4), k=(2, 4), s=(2, 3), padding=(0, 1, 2, 0), op=(0, 2),
     pad_mode="pad")
case("m2_op_dil", "ms", "msnd", size=(4, 3), k=(3, 2), s=1, d=(2, 3),
     padding=(1, 0, 0, 2), op=(1, 2), pad_mode="pad")   # stride <= op < dilation
case("m2_dyn", "ms", "msnd", n=None, size=(None, None), k=3, s=2,
     pad_mode="same", calls=[(1, 2, 3), (3, 4, 1)])
case("m3_same", "ms", "msnd", size=(2, 3, 4), k=3, s=2, pad_mode="same")
case("m3_valid", "ms", "msnd", size=(3, 2, 3), k=(2, 3, 1), s=(3, 1, 2),
     pad_mode="valid")                                  # (0,-1), (0,0), (0,-1)
case("m3_pad_tuple_op", "ms", "msnd", size=(3, 3, 3), k=3, s=2,
     padding=(1, 0, 2, 1, 0, 2), op=(1, 1, 0), pad_mode="pad")
                                                        # (head, tail-op) per dim
case("m3_same_op_dropped", "ms", "msnd", size=(2, 2, 3), k=3, s=2,
     op=(1, 1, 1), pad_mode="same")                     # same drops op (warns)
case("m3_pad_groups_dil", "ms", "msnd", cin=2, cout=4, groups=2,
     size=(2, 3, 3), k=2, s=(1, 1, 2), d=(1, 2, 1), padding=(1, 1, 1),
     op=(0, 1, 1), pad_mode="pad", bias=False)

# --- other element types ---------------------------------------------------
case("f64_t1", "torch", "dtype", dtype="f64", cin=4, cout=2, groups=2,
     size=(10,), k=5, s=2, padding=2, op=1)
case("f64_t3_dyn", "torch", "dtype", dtype="f64", n=None, size=(2, 3, 2),
     k=(2, 2, 3), s=(2, 1, 2), bias=False, calls=[(1, 2, 3, 2), (3, 2, 3, 2)])
case("f64_m2_op", "ms", "dtype", dtype="f64", size=(4, 3), k=3, s=(2, 3),
     padding=(0, 1, 1, 0), op=(1, 2), pad_mode="pad")
case("f16_t1", "torch", "dtype", dtype="f16", cin=8, cout=4, size=(12,), k=4,
     s=2, padding=1)
case("f16_t2_dyn", "torch", "dtype", dtype="f16", n=None, size=(None, None),
     k=3, s=2, padding=1, op=1, calls=[(1, 3, 5), (2, 4, 2)])
case("f16_m1_same", "ms", "dtype", dtype="f16", size=(6,), k=2, s=3,
     pad_mode="same")                                   # dk < s
case("bf16_t1", "torch", "dtype", dtype="bf16", cin=4, cout=6, groups=2,
     size=(9,), k=3, s=2, padding=1, op=1)
case("bf16_t2", "torch", "dtype", dtype="bf16", size=(4, 3), k=(2, 3),
     s=(2, 1), d=(1, 2), padding=(1, 2), op=(1, 1), bias=False)
case("bf16_m3_valid", "ms", "dtype", dtype="bf16", size=(2, 3, 2), k=2,
     s=(2, 3, 1), pad_mode="valid")
