//===- OneDnnDeconv.h - oneDNN's deconvolution, the reference to beat ------===//
//
// One 1-D transposed convolution (PyTorch ConvTranspose1d parameters) as a
// oneDNN 2.6 deconvolution_forward primitive, fed from PyTorch-layout
// buffers: input and output N x C x L (ncw), weight (Cin, Cout/groups, K).
// The primitive's activation layout is either oneDNN's own choice
// (format_tag::any, a blocked layout such as nCw16c) or nwc; its weights are
// reordered into its preferred layout once, at construction, outside every
// timed region (a framework caches packed weights).
//
//   runPrimitive()  the primitive alone, on activations already in its layout
//   runFromNcl()    reorder the ncw input in, the primitive, reorder the
//                   output back to ncw: what a PyTorch-layout caller pays
//
// Optionally (fusion_bench.cpp) with a bias, an activation after the
// deconvolution as oneDNN fuses it (an eltwise post-op), and one before it,
// which oneDNN does not fuse: a separate eltwise primitive, inside the timed
// region, from a copy of the input in the primitive's layout into the
// primitive's source.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCHMARKS_ONEDNNDECONV_H
#define TCONV_BENCHMARKS_ONEDNNDECONV_H

#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tconv::bench {

/// PyTorch ConvTranspose1d parameters and the input length.
struct DeconvShape {
  int64_t N, Cin, Cout, K, s, p, op, d, g, L;

  int64_t lout() const { return (L - 1) * s - 2 * p + d * (K - 1) + op + 1; }
  int64_t cig() const { return Cin / g; }
  int64_t cog() const { return Cout / g; }
  /// 2 * N * Cin * Cout/g * K * L_in.
  double flops() const {
    return 2.0 * double(N) * double(Cin) * double(cog()) * double(K) *
           double(L);
  }
  size_t xSize() const { return size_t(N * Cin * L); }
  size_t wSize() const { return size_t(Cin * cog() * K); }
  size_t ySize() const { return size_t(N * Cout * lout()); }
};

/// An eltwise activation (algorithm undef: none).
struct Activation {
  dnnl::algorithm algorithm = dnnl::algorithm::undef;
  float alpha = 0, beta = 0;
  explicit operator bool() const {
    return algorithm != dnnl::algorithm::undef;
  }
};

class OneDnnDeconv {
public:
  enum class Layout { Preferred, Nwc };

  /// x, w, y: the caller's ncw input, PyTorch weight, ncw output; bias
  /// (Cout) or null; `pre` applied to the input, `post` to the output.
  OneDnnDeconv(const DeconvShape &sh, Layout layout, float *x, float *w,
               float *y, float *bias = nullptr, Activation pre = {},
               Activation post = {})
      : eng(dnnl::engine::kind::cpu, 0), strm(eng) {
    using namespace dnnl;
    using dt = memory::data_type;
    using tag = memory::format_tag;
    const memory::dims src = {sh.N, sh.Cin, sh.L};
    const memory::dims dst = {sh.N, sh.Cout, sh.lout()};
    // PyTorch's weight (Cin, Cout/g, K) as oneDNN's (O, I, W) or
    // (G, O/G, I/G, W), described by strides.
    memory::dims wei, weiStrides;
    if (sh.g == 1) {
      wei = {sh.Cout, sh.Cin, sh.K};
      weiStrides = {sh.K, sh.Cout * sh.K, 1};
    } else {
      wei = {sh.g, sh.cog(), sh.cig(), sh.K};
      weiStrides = {sh.cig() * sh.cog() * sh.K, sh.K, sh.cog() * sh.K, 1};
    }
    const tag act = layout == Layout::Nwc ? tag::nwc : tag::any;
    const memory::desc srcDesc(src, dt::f32, act), dstDesc(dst, dt::f32, act),
        weiDesc(wei, dt::f32, tag::any), biasDesc({sh.Cout}, dt::f32, tag::x);
    deconvolution_forward::desc desc =
        bias ? deconvolution_forward::desc(
                   prop_kind::forward_inference,
                   algorithm::deconvolution_direct, srcDesc, weiDesc, biasDesc,
                   dstDesc, {sh.s}, {sh.d - 1}, {sh.p}, {sh.p - sh.op})
             : deconvolution_forward::desc(
                   prop_kind::forward_inference,
                   algorithm::deconvolution_direct, srcDesc, weiDesc, dstDesc,
                   {sh.s}, {sh.d - 1}, {sh.p}, {sh.p - sh.op});
    primitive_attr attr;
    if (post) {
      post_ops ops;
      ops.append_eltwise(1.0f, post.algorithm, post.alpha, post.beta);
      attr.set_post_ops(ops);
    }
    deconvolution_forward::primitive_desc pd(desc, attr, eng);
    prim = deconvolution_forward(pd);
    info = std::string(pd.impl_info_str()) + " src:" + layoutName(pd.src_desc()) +
           " wei:" + layoutName(pd.weights_desc()) +
           " dst:" + layoutName(pd.dst_desc());
    if (bias)
      primBias = memory(biasDesc, eng, bias);

    userSrc = memory(memory::desc(src, dt::f32, tag::ncw), eng, x);
    memory userWei(memory::desc(wei, dt::f32, weiStrides), eng, w);
    userDst = memory(memory::desc(dst, dt::f32, tag::ncw), eng, y);
    reorderSrc = pd.src_desc() != userSrc.get_desc();
    reorderDst = pd.dst_desc() != userDst.get_desc();
    primSrc = reorderSrc || pre ? memory(pd.src_desc(), eng) : userSrc;
    primDst = reorderDst ? memory(pd.dst_desc(), eng) : userDst;
    // With an activation before: the input, in the primitive's layout, is
    // preSrc, and an eltwise primitive writes the activation into primSrc.
    if (pre) {
      preSrc = memory(pd.src_desc(), eng);
      preEltwise = eltwise_forward(eltwise_forward::primitive_desc(
          eltwise_forward::desc(prop_kind::forward_inference, pre.algorithm,
                                pd.src_desc(), pre.alpha, pre.beta),
          eng));
      info += " after eltwise";
    }
    if (reorderSrc || pre) {
      memory &rawSrc = pre ? preSrc : primSrc;
      srcReorder = reorder(userSrc, rawSrc);
      srcReorder.execute(strm, userSrc, rawSrc); // the primitive's input
    }
    if (reorderDst)
      dstReorder = reorder(primDst, userDst);
    if (pd.weights_desc() != userWei.get_desc()) {
      primWei = memory(pd.weights_desc(), eng);
      reorder(userWei, primWei).execute(strm, userWei, primWei);
    } else {
      primWei = userWei;
    }
    strm.wait();
  }

  void runPrimitive() {
    execute();
    strm.wait();
  }

  void runFromNcl() {
    if (reorderSrc || preEltwise)
      srcReorder.execute(strm, userSrc, preEltwise ? preSrc : primSrc);
    execute();
    if (reorderDst)
      dstReorder.execute(strm, primDst, userDst);
    strm.wait();
  }

  /// The implementation oneDNN picked and its layouts
  /// ("jit:avx512_core src:aBc16b wei:BAc16b16a dst:aBc16b").
  std::string info;

  /// A blocked layout as oneDNN's tag letters, outermost first, with the
  /// inner blocks: "abc", "acb", "aBc16b".
  static std::string layoutName(const dnnl::memory::desc &md) {
    const dnnl_memory_desc_t &d = md.data;
    if (d.format_kind != dnnl_blocked)
      return "non-blocked";
    const int nd = d.ndims;
    std::vector<int> order(nd);
    for (int i = 0; i < nd; ++i)
      order[i] = i;
    const auto &bd = d.format_desc.blocking;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return bd.strides[a] > bd.strides[b];
    });
    std::vector<int64_t> blockOf(nd, 1);
    for (int i = 0; i < bd.inner_nblks; ++i)
      blockOf[bd.inner_idxs[i]] *= bd.inner_blks[i];
    std::string s;
    for (int i : order)
      s += char((blockOf[i] > 1 ? 'A' : 'a') + i);
    for (int i = 0; i < bd.inner_nblks; ++i)
      s += std::to_string(bd.inner_blks[i]) + char('a' + bd.inner_idxs[i]);
    return s;
  }

private:
  /// [The activation before,] the deconvolution [and its post-op].
  void execute() {
    if (preEltwise)
      preEltwise.execute(strm,
                         {{DNNL_ARG_SRC, preSrc}, {DNNL_ARG_DST, primSrc}});
    std::unordered_map<int, dnnl::memory> args = {{DNNL_ARG_SRC, primSrc},
                                                  {DNNL_ARG_WEIGHTS, primWei},
                                                  {DNNL_ARG_DST, primDst}};
    if (primBias)
      args[DNNL_ARG_BIAS] = primBias;
    prim.execute(strm, args);
  }

  dnnl::engine eng;
  dnnl::stream strm;
  dnnl::deconvolution_forward prim;
  dnnl::memory userSrc, userDst, primSrc, primWei, primDst, primBias, preSrc;
  dnnl::eltwise_forward preEltwise;
  bool reorderSrc = false, reorderDst = false;
  dnnl::reorder srcReorder, dstReorder;
};

} // namespace tconv::bench

#endif // TCONV_BENCHMARKS_ONEDNNDECONV_H
