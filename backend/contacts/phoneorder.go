package contacts

import (
	"bytes"
	"slices"
	"sync"
)

// phoneOrder answers phone-prefix searches without scanning the search buffer.
//
// What it must match. A query that phone.SearchDigits reads as anchored digits ("0812",
// "62812", "+62 813", "0062 812" all become a prefix such as "62812") is turned by
// parseText into the pattern 0x1E+digits, and the scan (matchRecords) counts a record when
// that pattern occurs at or after the record's first 0x1E, which starts its phone part. A
// query with anchored digits has no letters, so it has no words and nothing else can make
// a record match. For a phone of plain digits the only 0x1E in that part is the first
// byte, so the record matches exactly when the phone text starts with the digits: a
// prefix match. Digits in the middle of a phone ("812" inside "62812…") are found only by
// unanchored queries ("812 3456"), which still scan; typing "0812" never meant "812
// anywhere", as parseText and SearchDigits document.
//
// How. The live contacts whose phone is 1–17 plain digits without a leading zero (every
// canonical phone: at most 15 digits, starting with a country code) are kept sorted by
// phoneSortKey, so the phones with a given prefix are one contiguous run, found by two
// binary searches: the count is its length and its slots go straight into the match set.
// Any other phone (a leading zero, letters, too long, empty: none in practice) is listed
// in odd and checked one by one with the scan's own rule, so the answer is the scan's
// answer whatever the store holds.
//
// The order holds only slots (4 bytes a contact); keys are recomputed from the search
// records, which hold each phone's text. A single write inserts or removes one slot with
// a binary search; a run of many writes (an import) drops the order, and the next phone
// search sorts it again (about 0.1 s for a million contacts), like the name order.
type phoneOrder struct {
	mu      sync.Mutex // readers (searches under the service's read lock) may build it
	slots   []uint32   // by phoneSortKey; nil when it must be rebuilt
	odd     []uint32   // slots whose phone the order cannot hold, ascending
	built   bool
	changes int // single writes since the order was last read
}

// pow10[i] is 10^i.
var pow10 = func() (p [18]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// maxOrderedDigits is the longest phone the order holds: 10^17 × 32 still fits in 64 bits.
const maxOrderedDigits = 17

// phoneSortKey is the key of a phone of digits d (no leading zero, at most 17 digits):
// the digits read as a 17-digit number padded with zeros on the right, times 32, plus
// how many digits there are. Keys sort phones so that every phone starting with a prefix
// P of L digits lies in [prefixRange(P)), and nothing else does:
//
//   - a phone with prefix P pads to a number in [P·10^(17−L), (P+1)·10^(17−L));
//   - a phone in that interval shares its first L padded digits with P; if it has at
//     least L digits those are its own, so it starts with P; if it has fewer, P is the
//     phone followed by zeros and its padded number is exactly P·10^(17−L), where the
//     digit count, which is below L, puts it below the range's start.
func phoneSortKey(d []byte) (uint64, bool) {
	if len(d) == 0 || len(d) > maxOrderedDigits || d[0] == '0' {
		return 0, false
	}
	var v uint64
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return (v*pow10[maxOrderedDigits-len(d)])<<5 | uint64(len(d)), true
}

// prefixRange returns the keys [lo, hi) of the phones that start with the digits p;
// ok is false when no phone the order holds can (p is not digits, starts with 0, or is
// longer than any held phone).
func prefixRange(p []byte) (lo, hi uint64, ok bool) {
	if len(p) == 0 || len(p) > maxOrderedDigits || p[0] == '0' {
		return 0, 0, false
	}
	var v uint64
	for _, c := range p {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	scale := pow10[maxOrderedDigits-len(p)]
	return (v*scale)<<5 | uint64(len(p)), ((v + 1) * scale) << 5, true
}

// phonePart returns the phone part of a slot's search record: what follows its first
// 0x1E, the same split matchRecords uses.
func (x *index) phonePart(s uint32) []byte {
	r := x.record(s)
	return r[bytes.IndexByte(r, 0x1e)+1:]
}

// phoneKeyOf is the order's key of slot s, or false when s belongs in odd.
func (x *index) phoneKeyOf(s uint32) (uint64, bool) { return phoneSortKey(x.phonePart(s)) }

// phoneOrderAdd puts a live slot, whose record is written, into the phone order.
func (x *index) phoneOrderAdd(s uint32) {
	p := &x.phoneOrd
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.built || x.phoneOrderTooBusy() {
		return
	}
	k, ok := x.phoneKeyOf(s)
	if !ok {
		i, _ := slices.BinarySearch(p.odd, s)
		p.odd = slices.Insert(p.odd, i, s)
		return
	}
	i := x.phoneSearch(k, s)
	p.slots = slices.Insert(p.slots, i, s)
}

// phoneOrderRemove takes a live slot out of the phone order before its record or phone
// changes.
func (x *index) phoneOrderRemove(s uint32) {
	p := &x.phoneOrd
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.built || x.phoneOrderTooBusy() {
		return
	}
	k, ok := x.phoneKeyOf(s)
	if !ok {
		if i, found := slices.BinarySearch(p.odd, s); found {
			p.odd = slices.Delete(p.odd, i, i+1)
		}
		return
	}
	if i := x.phoneSearch(k, s); i < len(p.slots) && p.slots[i] == s {
		p.slots = slices.Delete(p.slots, i, i+1)
		return
	}
	// Not where its key says (it cannot happen while the order is kept right): rebuild.
	p.drop()
}

// phoneOrderTooBusy counts a single write and drops the order when many come in a row
// without a phone search between them, so an import does not move a million slots per
// contact. The caller holds p.mu.
func (x *index) phoneOrderTooBusy() bool {
	p := &x.phoneOrd
	p.changes++
	if len(p.slots) > phoneOrderKeepBelow && p.changes > 64 {
		p.drop()
		return true
	}
	return false
}

// phoneOrderKeepBelow is the size under which the order is always kept up to date; a
// variable so that tests can make it small.
var phoneOrderKeepBelow = 4096

func (p *phoneOrder) drop() {
	p.slots, p.odd, p.built, p.changes = nil, nil, false, 0
}

// phoneOrderReset forgets the order; the next phone search builds it again. Compaction
// renumbers slots and calls it.
func (x *index) phoneOrderReset() {
	x.phoneOrd.mu.Lock()
	x.phoneOrd.drop()
	x.phoneOrd.mu.Unlock()
}

// phoneSearch returns the position of the first slot in the order whose (key, slot) is
// not below (k, s). Live phones are unique, so ties on the key do not happen between live
// slots, but the slot keeps the order total whatever happens.
func (x *index) phoneSearch(k uint64, s uint32) int {
	slots := x.phoneOrd.slots
	lo, hi := 0, len(slots)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		km, _ := x.phoneKeyOf(slots[m])
		if km < k || km == k && slots[m] < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// phoneLowerBound returns the position of the first slot whose key is at least k.
func (x *index) phoneLowerBound(k uint64) int {
	slots := x.phoneOrd.slots
	lo, hi := 0, len(slots)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if km, _ := x.phoneKeyOf(slots[m]); km < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// buildPhoneOrder sorts the live slots by phone. The caller holds p.mu.
func (x *index) buildPhoneOrder() {
	p := &x.phoneOrd
	type keyed struct {
		key  uint64
		slot uint32
	}
	keys := make([]keyed, 0, x.live)
	var odd []uint32
	for s := range x.ids {
		sl := uint32(s)
		if x.dead.has(sl) {
			continue
		}
		if k, ok := x.phoneKeyOf(sl); ok {
			keys = append(keys, keyed{k, sl})
		} else {
			odd = append(odd, sl)
		}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		case a.slot < b.slot:
			return -1
		case a.slot > b.slot:
			return 1
		}
		return 0
	})
	slots := make([]uint32, len(keys))
	for i, k := range keys {
		slots[i] = k.slot
	}
	p.slots, p.odd, p.built, p.changes = slots, odd, true, 0
}

// matchPhonePrefix returns the live slots whose record the anchored phone pattern
// (0x1E + digits) matches, as matchText would, from the phone order.
func (x *index) matchPhonePrefix(pattern []byte) *bitset {
	p := &x.phoneOrd
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.built {
		x.buildPhoneOrder()
	}
	p.changes = 0
	out := &bitset{}
	out.grow(uint32(len(x.ids)))
	if lo, hi, ok := prefixRange(pattern[1:]); ok {
		i, j := x.phoneLowerBound(lo), x.phoneLowerBound(hi)
		for _, s := range p.slots[i:j] {
			out.set(s)
		}
	}
	for _, s := range p.odd {
		if r := x.record(s); bytes.Contains(r[bytes.IndexByte(r, 0x1e):], pattern) {
			out.set(s)
		}
	}
	return out
}
