"""Builds data/lm/en-us.lm, the English trigram language model that mtqe embeds, from PocketSphinx.

    pip download --no-deps -d /tmp/pkgs pocketsphinx==5.1.1
    python3 scripts/data/build_language_model.py /tmp/pkgs

Any pocketsphinx-5.1.1 wheel will do (the model file inside is the same on every platform; its
SHA-256 is checked). Only the Python standard library is needed. The output is deterministic: the
same input gives the same bytes. The script then checks the result (quantisation error, lookups of
a sample of n-grams, per-word scores of the test sentences against the unquantised source) and
prints the figures. The format is described in data/lm/README.md; scripts/data/lm_reference.py is
a reader of it.

Source: pocketsphinx/model/en-us/en-us.lm.bin, CMU Sphinx's generic US English trigram model in
PocketSphinx's binary "Trie Language Model" format (src/lm/ngram_model_trie.c, lm_trie.c,
lm_trie_quant.c, bitarr.c). That format stores the n-grams in a reversed trie (last word first),
probabilities in logmath units of base 1.0001 (not log10), unigram values as float32, and bigram
and trigram values as 16-bit codes into 65536-entry float32 codebooks.
"""
import bisect, hashlib, math, pathlib, random, struct, sys, zipfile
from array import array

PS_VERSION = "5.1.1"
MEMBER = "pocketsphinx/model/en-us/en-us.lm.bin"
MEMBER_SHA256 = "db21d0642286677699e6dbc859d2e5395570222361999387ce60f6e1d01995d6"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "lm" / "en-us.lm"

LOG10_UNIT = math.log10(1.0001)  # one logmath unit (base 1.0001) in log10
MAGIC = b"MTQE_LM\x00"
VERSION = 1
HEADER_LEN = 96
OOV_LOG10PROB = -10.0
MAX_ERR = 0.1  # largest quantisation error (log10) a chosen codebook may have on any entry
NONE_ID = 0xFFFFFFFF
TABLES = ["unigram prob", "unigram backoff", "bigram prob", "bigram backoff", "trigram prob"]


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


# ----------------------------------------------------------------------------------------------
# Reading PocketSphinx's trie
# ----------------------------------------------------------------------------------------------
class SphinxTrie:
    """The reversed trie: unigram w -> bigram entries keyed by the previous word v (n-gram "v w")
    -> trigram entries keyed by u (n-gram "u v w"). Values kept as stored (codes / floats)."""

    def __init__(self, data):
        hdr = b"Trie Language Model"
        if data[:len(hdr)] != hdr:
            raise ValueError("not a PocketSphinx trie LM")
        pos = len(hdr)
        order = data[pos]
        pos += 1
        if order != 3:
            raise ValueError(f"expected a trigram model, got order {order}")
        self.hdr_counts = struct.unpack_from("<3I", data, pos)
        pos += 12
        pos += 4  # int32 'dummy' (former quantisation type, 1)
        nb = 1 << 16
        # Codebooks: bigram prob, bigram backoff, trigram prob (float32, logmath units).
        self.bins_p2 = struct.unpack_from(f"<{nb}f", data, pos)
        self.bins_b2 = struct.unpack_from(f"<{nb}f", data, pos + 4 * nb)
        self.bins_p3 = struct.unpack_from(f"<{nb}f", data, pos + 8 * nb)
        pos += 12 * nb
        n1 = self.n1 = self.hdr_counts[0]
        ug = struct.unpack_from(f"<{3 * (n1 + 1)}I", data, pos)  # {float prob, float bo, u32 next}
        raw = struct.unpack_from(f"<{3 * (n1 + 1)}f", data, pos)
        self.u_prob = [raw[3 * i] for i in range(n1)]
        self.u_bo = [raw[3 * i + 1] for i in range(n1)]
        self.u_next = [ug[3 * i + 2] for i in range(n1 + 1)]
        pos += 12 * (n1 + 1)
        wbits = n1.bit_length()
        nbits = self.hdr_counts[2].bit_length()
        mid_bits = wbits + 32 + nbits  # word | backoff code (16) | prob code (16) | next
        lon_bits = wbits + 16  # word | prob code (16)
        mid_size = ((1 + self.hdr_counts[1]) * mid_bits + 7) // 8 + 8
        lon_size = ((1 + self.hdr_counts[2]) * lon_bits + 7) // 8 + 8
        mid_off, lon_off = pos, pos + mid_size
        pos = lon_off + lon_size
        (k,) = struct.unpack_from("<i", data, pos)
        self.words = data[pos + 4:pos + 4 + k].split(b"\0")[:-1]
        if len(self.words) != n1 or pos + 4 + k != len(data):
            raise ValueError("word strings do not match")
        # The header's bigram count is an over-estimate (lm_trie_fix_counts); the real number of
        # entries is the unigram sentinel's next pointer.
        n2 = self.n2 = self.u_next[n1]
        wmask, nmask = (1 << wbits) - 1, (1 << nbits) - 1
        self.m_word, self.m_bo, self.m_p, self.m_next = (array("I") for _ in range(4))
        for i in range(n2 + 1):
            off = i * mid_bits
            b = mid_off + (off >> 3)
            v = int.from_bytes(data[b:b + 10], "little") >> (off & 7)
            self.m_word.append(v & wmask)
            self.m_bo.append((v >> wbits) & 0xFFFF)
            self.m_p.append((v >> (wbits + 16)) & 0xFFFF)
            self.m_next.append((v >> (wbits + 32)) & nmask)
        n3 = self.n3 = self.m_next[n2]
        self.l_word, self.l_p = array("I"), array("I")
        for i in range(n3):
            off = i * lon_bits
            b = lon_off + (off >> 3)
            v = int.from_bytes(data[b:b + 5], "little") >> (off & 7)
            self.l_word.append(v & wmask)
            self.l_p.append((v >> wbits) & 0xFFFF)

    # Unquantised (as stored) values in log10.
    def p1(self, w):
        return self.u_prob[w] * LOG10_UNIT

    def bo1(self, w):
        return self.u_bo[w] * LOG10_UNIT

    def _find(self, keys, lo, hi, key):
        i = bisect.bisect_left(keys, key, lo, hi)
        return i if i < hi and keys[i] == key else None

    def bigram(self, v, w):
        """Index of the entry for bigram "v w", or None."""
        return self._find(self.m_word, self.u_next[w], self.u_next[w + 1], v)

    def trigram(self, u, v, w):
        i = self.bigram(v, w)
        if i is None:
            return None
        return self._find(self.l_word, self.m_next[i], self.m_next[i + 1], u)

    def cond(self, w, v=None, u=None):
        """Katz backoff log10 p(w | u v) on the unquantised values (None = no/unknown word)."""
        if w is None:
            return OOV_LOG10PROB
        if v is None:
            return self.p1(w)
        backoff = 0.0
        if u is not None:
            t = self.trigram(u, v, w)
            if t is not None:
                return self.bins_p3[self.l_p[t]] * LOG10_UNIT
            uv = self.bigram(u, v)
            if uv is not None:
                backoff = self.bins_b2[self.m_bo[uv]] * LOG10_UNIT
        vw = self.bigram(v, w)
        if vw is not None:
            return backoff + self.bins_p2[self.m_p[vw]] * LOG10_UNIT
        return backoff + self.bo1(v) + self.p1(w)

    def logprob(self, words, bos_id):
        ids = {w.decode(): i for i, w in enumerate(self.words)}
        out, u, v = [], None, bos_id
        for w in (ids.get(x) for x in words):
            out.append(self.cond(w, v, u))
            u, v = v, w
        return out


def sphinx_lower_bound_encode(bins, value):
    """bins_encode() of lm_trie_quant.c (its lower_bound is bisect_left's exact search)."""
    i = bisect.bisect_left(bins, value)
    if i == 0:
        return 0
    if i == len(bins):
        return len(bins) - 1
    return i - (value - bins[i - 1] < bins[i] - value)


# ----------------------------------------------------------------------------------------------
# 8-bit quantisation
# ----------------------------------------------------------------------------------------------
class Quantiser:
    """256 float32 centres, ascending; a value is coded as its nearest centre (ties: lower code).

    `values` maps each distinct value to [type count, token weight]: the number of stored entries
    with that value, and the summed estimated frequency of those n-grams in running text (the
    joint probability of the n-gram under the model itself). A codebook is scored by its mean
    absolute error weighted half by type count and half by token weight (the objective), so that
    neither the many rare n-grams nor the few very frequent ones (the, of the, </s>) are
    sacrificed. Candidates: three initialisations (equal-count quantile buckets with centre = mean;
    a uniform grid; a companded grid, point density proportional to sqrt(weighted density) + 25% of
    its mean, the asymptotically optimal density for absolute error plus a floor that keeps sparse
    tails covered), each alone and refined by 1-D Lloyd k-means and then k-medians. The candidate
    with the lowest objective among those whose maximum error is at most MAX_ERR is kept. Pinned
    centres (-99 for <s>, 0.0 for backoffs) are exact and never move.
    """

    def __init__(self, name, values, pins=()):
        self.name = name
        self.xs = sorted(values)
        self.tc = [values[x][0] for x in self.xs]
        self.tw = [values[x][1] for x in self.xs]
        st, sw = sum(self.tc), sum(self.tw)
        self.ws = [0.5 * a / st + 0.5 * b / sw for a, b in zip(self.tc, self.tw)]
        self.W, self.WX = [0.0], [0.0]
        for x, w in zip(self.xs, self.ws):
            self.W.append(self.W[-1] + w)
            self.WX.append(self.WX[-1] + w * x)
        self.pins = sorted(pins)
        cands = {}
        for init_name, init in (("quantiles", self.quantile_init()), ("uniform", self.uniform_init()),
                                ("companded", self.companded_init())):
            cands[init_name] = init
            km = self.lloyd(init, median=False)
            cands[f"k-means from {init_name}"] = km
            cands[f"k-medians from {init_name}"] = self.lloyd(km, median=True)
        self.report = {}
        for k, c in cands.items():
            c = [f32(x) for x in c]
            self.report[k] = (self.errors(c), c)
        ok = [k for k in self.report if self.report[k][0][3] <= MAX_ERR] or list(self.report)
        self.method = min(ok, key=lambda k: (self.report[k][0][0], k))
        (self.objective, self.mae, self.token_mae, self.maxerr), self.centres = self.report[self.method]
        self.mids = [(a + b) / 2 for a, b in zip(self.centres, self.centres[1:])]

    def _free(self, x):
        return all(abs(x - p) > 1e-3 for p in self.pins)

    def quantile_init(self):
        """Equal-count buckets over all entries (pinned values left out), centre = mean."""
        k = 256 - len(self.pins)
        flat = []
        for x, n in zip(self.xs, self.tc):
            if self._free(x):
                flat.extend([x] * n)
        n = len(flat)
        c = []
        for i in range(k):
            a, b = n * i // k, n * (i + 1) // k
            c.append(sum(flat[a:b]) / (b - a) if b > a else (c[-1] if c else flat[0]))
        return sorted(c + self.pins)

    def uniform_init(self):
        free = [x for x in self.xs if self._free(x)]
        lo, hi, k = free[0], free[-1], 256 - len(self.pins)
        return sorted([lo + (hi - lo) * i / (k - 1) for i in range(k)] + self.pins)

    def companded_init(self, nbins=4096, floor=0.25):
        free = [(x, w) for x, w in zip(self.xs, self.ws) if self._free(x)]
        lo, hi, k = free[0][0], free[-1][0], 256 - len(self.pins)
        h = [0.0] * nbins
        for x, w in free:
            h[min(nbins - 1, int((x - lo) / (hi - lo) * nbins))] += w
        lam = [math.sqrt(v) for v in h]
        mean = sum(lam) / nbins
        lam = [v + floor * mean for v in lam]
        cum = [0.0]
        for v in lam:
            cum.append(cum[-1] + v)
        c = []
        for i in range(k):
            t = (i + 0.5) / k * cum[-1]
            j = min(nbins - 1, max(0, bisect.bisect_left(cum, t) - 1))
            c.append(lo + (hi - lo) * (j + (t - cum[j]) / lam[j]) / nbins)
        return sorted(c + self.pins)

    def _bounds(self, c):
        return ([0] + [bisect.bisect_right(self.xs, (a + b) / 2) for a, b in zip(c, c[1:])]
                + [len(self.xs)])

    def lloyd(self, init, median, iters=3000):
        c = list(init)
        fixed = {c.index(p) for p in self.pins}
        for _ in range(iters):
            bd = self._bounds(c)
            new = []
            for k in range(256):
                a, b = bd[k], bd[k + 1]
                if k in fixed or a == b or self.W[b] <= self.W[a]:
                    new.append(c[k])
                elif median:
                    target = (self.W[a] + self.W[b]) / 2
                    m = bisect.bisect_left(self.W, target, a + 1, b + 1) - 1
                    new.append(self.xs[m])
                else:
                    new.append((self.WX[b] - self.WX[a]) / (self.W[b] - self.W[a]))
            if new == c:
                break
            c = new
        return c

    def errors(self, c):
        """(objective, mean abs error per entry, per token, max abs error) for centres c."""
        mids = [(a + b) / 2 for a, b in zip(c, c[1:])]
        obj = typ = tok = mx = 0.0
        for x, w, a, b in zip(self.xs, self.ws, self.tc, self.tw):
            e = abs(x - c[bisect.bisect_left(mids, x)])
            obj += e * w
            typ += e * a
            tok += e * b
            mx = max(mx, e)
        return obj, typ / sum(self.tc), tok / sum(self.tw), mx

    def encode(self, x):
        return bisect.bisect_left(self.mids, x)


# ----------------------------------------------------------------------------------------------
# Build
# ----------------------------------------------------------------------------------------------
def read_model(wheel_dir):
    wheels = sorted(pathlib.Path(wheel_dir).glob(f"pocketsphinx-{PS_VERSION}-*.whl"))
    if not wheels:
        sys.exit(f"no pocketsphinx-{PS_VERSION}-*.whl in {wheel_dir}; run: "
                 f"pip download --no-deps -d {wheel_dir} pocketsphinx=={PS_VERSION}")
    with zipfile.ZipFile(wheels[0]) as z:
        data = z.read(MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != MEMBER_SHA256:
        sys.exit(f"{MEMBER} in {wheels[0].name} has SHA-256 {digest}, expected {MEMBER_SHA256}")
    return data


def build(trie):
    n1 = trie.n1
    assert n1 < 1 << 24, "word ids must fit in 24 bits"
    words = [w.decode("utf-8") for w in trie.words]
    bos, eos = words.index("<s>"), words.index("</s>")
    unk = words.index("<UNK>") if "<UNK>" in words else NONE_ID
    zero_bo = sphinx_lower_bound_encode(trie.bins_b2, 0.0)
    assert trie.bins_b2[zero_bo] == 0.0

    # Trigrams in forward order, key (u*n1 + v)*n1 + w, with their 16-bit prob code.
    tri = []
    for w in range(n1):
        for i in range(trie.u_next[w], trie.u_next[w + 1]):
            vw = trie.m_word[i] * n1 + w
            for j in range(trie.m_next[i], trie.m_next[i + 1]):
                tri.append(((trie.l_word[j] * n1 * n1 + vw) << 16) | trie.l_p[j])
    tri.sort()
    tri_prefixes = {(t >> 16) // n1 for t in tri}

    # Bigrams in forward order. Entries that PocketSphinx made up to reach a trigram ("blank"
    # suffixes: prob = P1(w) + BO1(v), backoff 0) and that head no forward trigram are dropped:
    # Katz backoff gives them the same value.
    bi, dropped = [], 0
    for w in range(n1):
        for i in range(trie.u_next[w], trie.u_next[w + 1]):
            v = trie.m_word[i]
            key = v * n1 + w
            if (trie.m_bo[i] == zero_bo and key not in tri_prefixes and trie.m_p[i] ==
                    sphinx_lower_bound_encode(trie.bins_p2, f32(trie.u_prob[w] + trie.u_bo[v]))):
                dropped += 1
                continue
            bi.append((key, i))
    bi.sort()
    assert tri_prefixes <= {k for k, _ in bi}, "a trigram without its prefix bigram"

    # Quantisers: {value: [entries, token weight]}; token weight = joint probability of the n-gram
    # (P1(v) P2(v w) for bigrams, P1(u) P2(u v) P3(u v w) for trigrams, P1(v) for BO1(v)).
    def add(d, x, tw):
        a = d.setdefault(x, [0, 0.0])
        a[0] += 1
        a[1] += tw

    up, ub, bp, bb, tp = {}, {}, {}, {}, {}
    for w in range(n1):
        add(up, trie.p1(w), 10 ** trie.p1(w))
        add(ub, trie.bo1(w), 10 ** trie.p1(w))
    p2_of = {}
    for key, i in bi:
        v = key // n1
        x = trie.bins_p2[trie.m_p[i]] * LOG10_UNIT
        p2_of[key] = x
        add(bp, x, 10 ** (trie.p1(v) + x))
        add(bb, trie.bins_b2[trie.m_bo[i]] * LOG10_UNIT, 10 ** (trie.p1(v) + x))
    for t in tri:
        uv = (t >> 16) // n1
        x = trie.bins_p3[t & 0xFFFF] * LOG10_UNIT
        add(tp, x, 10 ** (trie.p1(uv // n1) + p2_of[uv] + x))
    # <s> has P1 = -99 ("never predicted"); it gets a code of its own, as 0.0 does for backoffs.
    assert sorted(up)[0] < -98.99 and sorted(up)[1] > -20
    q = [
        Quantiser(TABLES[0], up, pins=[-99.0]),
        Quantiser(TABLES[1], ub, pins=[0.0]),
        Quantiser(TABLES[2], bp),
        Quantiser(TABLES[3], bb, pins=[0.0]),
        Quantiser(TABLES[4], tp),
    ]
    map_p2 = [q[2].encode(x * LOG10_UNIT) for x in trie.bins_p2]
    map_b2 = [q[3].encode(x * LOG10_UNIT) for x in trie.bins_b2]
    map_p3 = [q[4].encode(x * LOG10_UNIT) for x in trie.bins_p3]

    # Sections.
    codebooks = b"".join(struct.pack("<256f", *qq.centres) for qq in q)
    vocab = "".join(w + "\n" for w in words).encode("utf-8")

    uni = bytearray()
    j = 0
    for w in range(n1):
        while j < len(bi) and bi[j][0] // n1 < w:
            j += 1
        uni += struct.pack("<BBI", q[0].encode(trie.p1(w)), q[1].encode(trie.bo1(w)), j)
    uni += struct.pack("<BBI", 0, 0, len(bi))

    big = bytearray()
    t = 0
    for key, i in bi:
        while t < len(tri) and (tri[t] >> 16) // n1 < key:
            t += 1
        big += (key % n1).to_bytes(3, "little")
        big += struct.pack("<BBI", map_p2[trie.m_p[i]], map_b2[trie.m_bo[i]], t)
    big += (0xFFFFFF).to_bytes(3, "little") + struct.pack("<BBI", 0, 0, len(tri))

    trg = bytearray()
    for x in tri:
        trg += (((x >> 16) % n1) | (map_p3[x & 0xFFFF] << 24)).to_bytes(4, "little")

    sections = [codebooks, vocab, bytes(uni), bytes(big), bytes(trg)]
    offs, pos = [], HEADER_LEN
    for s in sections:
        offs += [pos, len(s)]
        pos += len(s)
    header = MAGIC + struct.pack("<9If11I", VERSION, HEADER_LEN, 3, n1, len(bi), len(tri), bos,
                                 eos, unk, OOV_LOG10PROB, *offs, pos)
    header += b"\0" * (HEADER_LEN - len(header))
    blob = header + b"".join(sections)
    info = dict(n1=n1, n2=len(bi), n3=len(tri), dropped=dropped, bos=bos, eos=eos, unk=unk)
    return blob, q, info


def check(trie, q, info, path):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    import lm_reference

    m = lm_reference.Model(path)
    print("quantisation (log10; error vs the values stored by PocketSphinx):")
    for qq in q:
        print(f"  {qq.name}: {qq.method}: mean abs {qq.mae:.5f} per entry, {qq.token_mae:.5f} "
              f"per token, max abs {qq.maxerr:.5f}")
        for k, ((obj, typ, tok, mx), _) in qq.report.items():
            print(f"      {k:26s} objective {obj:.5f} per entry {typ:.5f} per token {tok:.5f} "
                  f"max {mx:.4f}")
    # Sampled n-gram lookups through the reference reader. worst: P1, BO1, P2 of kept bigrams,
    # BO2, P3, and for dropped blank bigrams the score against PocketSphinx's stored blank and
    # against BO1(v) + P1(w) computed from its unquantised unigram floats.
    rng = random.Random(12345)
    worst = [0.0] * 7
    for _ in range(50000):
        w = rng.randrange(trie.n1)
        worst[0] = max(worst[0], abs(m.p1(w) - trie.p1(w)))
        worst[1] = max(worst[1], abs(m.bo1(w) - trie.bo1(w)))
        i = rng.randrange(trie.n2)
        v = trie.m_word[i]
        w = bisect.bisect_right(trie.u_next, i) - 1
        j = m.find_bigram(v, w)
        if j is None:
            worst[5] = max(worst[5], abs(m.cond(w, v) - trie.cond(w, v)))
            worst[6] = max(worst[6], abs(m.cond(w, v) - trie.bo1(v) - trie.p1(w)))
        else:
            worst[2] = max(worst[2], abs(m.p2_bo2(j)[0] - trie.bins_p2[trie.m_p[i]] * LOG10_UNIT))
            worst[3] = max(worst[3], abs(m.p2_bo2(j)[1] - trie.bins_b2[trie.m_bo[i]] * LOG10_UNIT))
        if trie.m_next[i] < trie.m_next[i + 1]:
            k = rng.randrange(trie.m_next[i], trie.m_next[i + 1])
            t = m.find_trigram(m.find_bigram(trie.l_word[k], v), w)
            worst[4] = max(worst[4], abs(m.p3(t) - trie.bins_p3[trie.l_p[k]] * LOG10_UNIT))
    for x, qq in zip(worst, q):
        assert x <= qq.maxerr + 1e-6, (qq.name, x)
    print("  50000 sampled lookups, max abs error: " + ", ".join(
        f"{qq.name} {x:.5f}" for x, qq in zip(worst, q)))
    print(f"  dropped blank bigrams: score vs PocketSphinx's blank entry {worst[5]:.5f}, vs "
          f"BO1(v) + P1(w) from its float unigrams {worst[6]:.5f}")
    print("test sentences: per-word log10, this file vs unquantised PocketSphinx values:")
    diffs = []
    for s in lm_reference.TEST_SENTENCES:
        a = m.logprob(s.split())
        b = trie.logprob(s.split(), info["bos"])
        diffs += [abs(x - y) for x, y in zip(a, b)]
        print(f"  {s}: " + " ".join(f"{x:.4f}/{y:.4f}" for x, y in zip(a, b)))
    print(f"  max abs diff {max(diffs):.5f}, mean abs diff {sum(diffs) / len(diffs):.5f}")


def main():
    wheel_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pkgs"
    trie = SphinxTrie(read_model(wheel_dir))
    blob, q, info = build(trie)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(blob)
    print(f"wrote {OUT} ({len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()})")
    print(f"  unigrams {info['n1']}, bigrams {info['n2']} (PocketSphinx: {trie.n2} entries, header "
          f"says {trie.hdr_counts[1]}; {info['dropped']} blank entries dropped), trigrams "
          f"{info['n3']}; <s>={info['bos']} </s>={info['eos']} <UNK>="
          f"{'none' if info['unk'] == NONE_ID else info['unk']}")
    check(trie, q, info, OUT)


if __name__ == "__main__":
    main()
