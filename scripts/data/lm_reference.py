"""Pure-Python reference reader for data/lm/en-us.lm (format described in data/lm/README.md).

It exists so that the Rust reader can be tested against it:

    python3 scripts/data/lm_reference.py            # print the test vectors
    python3 scripts/data/lm_reference.py --write    # also rewrite data/lm/test_vectors.tsv

Scoring rule (Katz backoff, trigram), all values log10:

* `logprob(words)` returns one value per input word. The history starts as `<s>` (it is prepended
  as context only, never scored); `</s>` is not scored unless `eos=True`, which appends one more
  value, the log10 probability of `</s>` after the last word.
* Words are looked up verbatim (byte-exact, case-sensitive; the vocabulary is lower case).
* The model has no `<UNK>` (header unk_id = 0xFFFFFFFF; a file with an unk_id would map unknown
  words to it). A word that is not in the vocabulary scores the fixed floor
  `oov_log10prob` from the header (-10.0), and every n-gram that contains it, as history or as
  predicted word, is treated as absent: it contributes no backoff weight (0.0).
* p(w | u v) = P3(u v w)                    if trigram (u v w) is stored
             = BO2(u v) + p(w | v)          otherwise (BO2 = 0.0 if bigram (u v) is not stored)
  p(w | v)   = P2(v w)                      if bigram (v w) is stored
             = BO1(v) + P1(w)               otherwise
  With history shorter than two words (the first word after `<s>` has history `<s>` only), the
  bigram rule is used directly. If the word just before w is unknown, p(w) = P1(w) (its BO1 is 0).
"""
import pathlib, struct, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "data" / "lm" / "en-us.lm"
MAGIC = b"MTQE_LM\x00"
NONE_ID = 0xFFFFFFFF

TEST_SENTENCES = [
    "months eat russians",
    "the government said on monday that it would",
    "of the",
    "you switch sides",
    "the minister of zorblaxian affairs resigned",
    "colorless green ideas sleep furiously",
    "it's the president's decision",
    "prices rose sharply in the third quarter",
]


class Model:
    def __init__(self, path=MODEL):
        b = self.b = pathlib.Path(path).read_bytes()
        if b[:8] != MAGIC:
            raise ValueError("bad magic")
        (self.version, hdr_len, self.order, self.n1, self.n2, self.n3, self.bos, self.eos,
         self.unk) = struct.unpack_from("<9I", b, 8)
        (self.oov,) = struct.unpack_from("<f", b, 44)
        secs = struct.unpack_from("<10I", b, 48)
        (self.cb_off, _, self.voc_off, voc_len, self.u_off, _, self.b_off, _, self.t_off, _) = secs
        if self.version != 1 or self.order != 3:
            raise ValueError("unsupported version/order")
        cb = struct.unpack_from("<1280f", b, self.cb_off)
        self.cb = [cb[i * 256:(i + 1) * 256] for i in range(5)]  # P1, BO1, P2, BO2, P3
        words = b[self.voc_off:self.voc_off + voc_len].decode("utf-8").split("\n")[:-1]
        assert len(words) == self.n1
        self.words = words
        self.ids = {w: i for i, w in enumerate(words)}

    # --- raw record access -------------------------------------------------------------
    def _uni(self, i):  # (prob code, bo code, bigram start)
        o = self.u_off + 6 * i
        return self.b[o], self.b[o + 1], int.from_bytes(self.b[o + 2:o + 6], "little")

    def _bi(self, i):  # (w2, prob code, bo code, trigram start)
        o = self.b_off + 9 * i
        b = self.b
        return (int.from_bytes(b[o:o + 3], "little"), b[o + 3], b[o + 4],
                int.from_bytes(b[o + 5:o + 9], "little"))

    def _tri_word(self, i):
        o = self.t_off + 4 * i
        return int.from_bytes(self.b[o:o + 3], "little")

    @staticmethod
    def _search(lo, hi, key, get):
        while lo < hi:  # lower bound
            mid = (lo + hi) // 2
            if get(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def find_bigram(self, w1, w2):
        """Index of bigram (w1, w2) or None."""
        lo, hi = self._uni(w1)[2], self._uni(w1 + 1)[2]
        i = self._search(lo, hi, w2, lambda k: self._bi(k)[0])
        return i if i < hi and self._bi(i)[0] == w2 else None

    def find_trigram(self, bigram_index, w3):
        lo, hi = self._bi(bigram_index)[3], self._bi(bigram_index + 1)[3]
        i = self._search(lo, hi, w3, self._tri_word)
        return i if i < hi and self._tri_word(i) == w3 else None

    # --- dequantised values ------------------------------------------------------------
    def p1(self, w):
        return self.cb[0][self._uni(w)[0]]

    def bo1(self, w):
        return self.cb[1][self._uni(w)[1]]

    def p2_bo2(self, i):
        _, p, bo, _ = self._bi(i)
        return self.cb[2][p], self.cb[3][bo]

    def p3(self, i):
        return self.cb[4][self.b[self.t_off + 4 * i + 3]]

    # --- scoring ------------------------------------------------------------------------
    def cond(self, w, v=None, u=None):
        """log10 p(w | u v); None stands for 'no word' (unknown or before the start)."""
        if w is None:
            return self.oov
        if v is None:
            return self.p1(w)
        backoff = 0.0
        if u is not None:
            bi_uv = self.find_bigram(u, v)
            if bi_uv is not None:
                t = self.find_trigram(bi_uv, w)
                if t is not None:
                    return self.p3(t)
                backoff = self.p2_bo2(bi_uv)[1]
        bi_vw = self.find_bigram(v, w)
        if bi_vw is not None:
            return backoff + self.p2_bo2(bi_vw)[0]
        return backoff + self.bo1(v) + self.p1(w)

    def logprob(self, words, eos=False):
        unk = None if self.unk == NONE_ID else self.unk
        ids = [self.ids.get(w, unk) for w in words]
        if eos:
            ids.append(self.eos)
        out, u, v = [], None, self.bos
        for w in ids:
            out.append(self.cond(w, v, u))
            u, v = v, w
        return out


_default = None


def logprob(words, eos=False):
    """Per-word log10 probabilities of `words` (a list of tokens) under the default model."""
    global _default
    if _default is None:
        _default = Model()
    return _default.logprob(words, eos)


def vectors(model=None):
    m = model or Model()
    return [(s, m.logprob(s.split())) for s in TEST_SENTENCES]


def main():
    rows = vectors()
    for s, lp in rows:
        print(s)
        print("   ", "  ".join(f"{w}={p:.4f}" for w, p in zip(s.split(), lp)))
    if "--write" in sys.argv[1:]:
        lines = ["sentence\tlog10probs"]
        lines += [s + "\t" + ",".join(f"{p:.4f}" for p in lp) for s, lp in rows]
        (ROOT / "data" / "lm" / "test_vectors.tsv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
