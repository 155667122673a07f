package contacts

import (
	"bytes"
	"sync"
)

// Record signatures let a word search skip the records that cannot hold its words.
//
// A record's signature describes its name and email part (before the 0x1E that starts
// the phone) in 64 bits. The low 32 say which kinds of byte it holds: one bit per letter
// a–z, and shared bits for digits, the space, '@', '.', bytes of non-ASCII letters and
// everything else. The high 32 are a hash of the pairs of adjacent bytes it holds, one bit
// per pair. A record can hold a word only if its signature has every bit of the word's
// bytes and pairs, so a search first checks eight bytes per record and then looks for the
// words (bytes.Contains, as the scan does) only in the records that pass: for "santoso"
// that is a few percent of the records, for a no-match query like "anx" almost none. A
// one-letter word has a bit of its own, so the signature alone answers it: "a" checks a
// million signatures instead of finding the letter in a million records. When most
// records pass anyway, the plain scan of the buffer is used instead, as it is then as
// fast.
//
// Records never change once appended (an edit appends a new record and the old one
// becomes garbage), so the signatures are computed for the records appended since the
// last search, at the next search; compaction, which rewrites the records, clears them.
// Eight bytes per record: 8 MB for a million contacts.
type recordSigs struct {
	mu  sync.Mutex // searches run together under the service's read lock
	sig []uint64   // sig[k] is record k's signature
}

const (
	sigDigit  = 1 << 26
	sigSpace  = 1 << 27
	sigAt     = 1 << 28
	sigDot    = 1 << 29
	sigHigh   = 1 << 30 // bytes of UTF-8 sequences
	sigOthers = 1 << 31
)

// sigBit is the signature bit of one byte.
var sigBit = func() (t [256]uint32) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = 1 << (c - 'a')
		case c >= '0' && c <= '9':
			t[c] = sigDigit
		case c == ' ':
			t[c] = sigSpace
		case c == '@':
			t[c] = sigAt
		case c == '.':
			t[c] = sigDot
		case c >= 0x80:
			t[c] = sigHigh
		default:
			t[c] = sigOthers
		}
	}
	return t
}()

// pairBit is the signature bit of two adjacent bytes.
func pairBit(a, b byte) uint64 {
	return 1 << (32 + (uint32(a)<<8|uint32(b))*0x9e3779b1>>27)
}

// signature returns the signature of text up to its first 0x1E: a record's name and
// email part, or a word.
func signature(text []byte) uint64 {
	var s uint64
	var prev byte
	for i, c := range text {
		if c == 0x1e {
			break
		}
		s |= uint64(sigBit[c])
		if i > 0 {
			s |= pairBit(prev, c)
		}
		prev = c
	}
	return s
}

// signatures returns the signature of every record, computing those of records appended
// since the last call.
func (x *index) signatures() []uint64 {
	rs := &x.sigs
	rs.mu.Lock()
	defer rs.mu.Unlock()
	n := len(x.recStarts)
	from := len(rs.sig)
	if from > n { // cannot happen: compaction clears them
		from, rs.sig = 0, rs.sig[:0]
	}
	if from == n {
		return rs.sig
	}
	rs.sig = append(rs.sig, make([]uint64, n-from)...)
	fill := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			rs.sig[k] = signature(x.hay[x.recStarts[k]:])
		}
	}
	if n-from >= 1<<15 {
		mid := from + (n-from)/2
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); fill(from, mid) }()
		fill(mid, n)
		wg.Wait()
	} else {
		fill(from, n)
	}
	return rs.sig
}

// warmSearch builds the search aids ahead of the first search that needs them. The
// caller holds the service's read lock.
func (x *index) warmSearch() {
	x.signatures()
	x.phoneOrd.mu.Lock()
	if !x.phoneOrd.built {
		x.buildPhoneOrder()
	}
	x.phoneOrd.mu.Unlock()
}

// resetSearchAids forgets the signatures and the phone order, which refer to records
// and slots by number; compaction renumbers both and calls it.
func (x *index) resetSearchAids() {
	x.sigs.mu.Lock()
	x.sigs.sig = nil
	x.sigs.mu.Unlock()
	x.phoneOrderReset()
}

// matchWords marks, in out, the live records of [lo, hi) whose name and email part holds
// every word, as the scan in matchRecords does, using the signatures. It returns false,
// having marked nothing, when so many records pass the signature test that the scan is
// the faster way.
func (x *index) matchWords(words [][]byte, sig []uint64, lo, hi int, out *bitset) bool {
	var m uint64
	for _, w := range words {
		m |= signature(w) // words hold no 0x1E
	}
	// A single lower-case letter is answered by its bit alone.
	if len(words) == 1 && len(words[0]) == 1 && words[0][0] >= 'a' && words[0][0] <= 'z' {
		for k := lo; k < hi; k++ {
			if sig[k]&m == m && x.recSlot[k] >= 0 {
				out.set(uint32(k))
			}
		}
		return true
	}
	pass := 0
	for k := lo; k < hi; k++ {
		if sig[k]&m == m {
			pass++
		}
	}
	if pass*2 > hi-lo {
		return false
	}
	end := len(x.hay)
	for k := lo; k < hi; k++ {
		if sig[k]&m != m || x.recSlot[k] < 0 {
			continue
		}
		start, next := int(x.recStarts[k]), end
		if k+1 < len(x.recStarts) {
			next = int(x.recStarts[k+1])
		}
		text := x.hay[start:next]
		if i := bytes.IndexByte(text, 0x1e); i >= 0 {
			text = text[:i]
		}
		ok := true
		for _, w := range words {
			if !bytes.Contains(text, w) {
				ok = false
				break
			}
		}
		if ok {
			out.set(uint32(k))
		}
	}
	return true
}
