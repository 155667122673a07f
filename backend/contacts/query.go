package contacts

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"

	"kontak/backend/phone"
)

// Group filter modes of a query.
const (
	GroupsAny  = "any"  // in at least one of the groups
	GroupsAll  = "all"  // in every one of the groups
	GroupsNone = "none" // in none of the groups
)

// textQuery is a search turned into byte patterns over the index's records.
type textQuery struct {
	words    [][]byte // folded words; a record matches when its name and email hold them all
	phone    []byte   // a phone pattern; a record also matches when its phone holds it
	anchored bool     // phone is 0x1E + digits: the digits start the phone
}

// parseText builds the patterns of a search. A query that looks like a phone number
// matches phones written in any format (0812…, +62 812…, 812…): its digits are looked
// for at the start of the phone (0x1E marks it) or anywhere in it. Any query also
// matches names and emails: every word somewhere, ignoring case and accents.
func parseText(text, region string) *textQuery {
	text = cleanText(text)
	if text == "" {
		return nil
	}
	q := &textQuery{}
	for _, w := range strings.Fields(foldSearch(text)) {
		q.words = append(q.words, []byte(w))
	}
	// The longest word drives the scan: it has the fewest false starts.
	slices.SortStableFunc(q.words, func(a, b []byte) int { return len(b) - len(a) })
	if digits, anchored := phone.SearchDigits(text, region); digits != "" {
		if anchored {
			q.phone = append([]byte{0x1e}, digits...) // 0x1E starts the phone part
			q.anchored = true
		} else {
			q.phone = []byte(digits)
		}
		// A query of digits and punctuation is a phone number: looking for its pieces in
		// names and emails as well would double the scan for nothing.
		letters := false
		for _, r := range text {
			if unicode.IsLetter(r) {
				letters = true
				break
			}
		}
		if !letters {
			q.words = nil
		}
	}
	return q
}

// matchRecords marks, in out (indexed by record), the records of hay[lo:hi] (record
// indexes) that match. It walks the occurrences of the driver pattern and advances a
// record cursor alongside, so each match costs a few comparisons, not a binary search.
func (x *index) matchRecords(q *textQuery, sig []uint64, lo, hi int, out *bitset) {
	if lo >= hi {
		return
	}
	end := len(x.hay)
	if hi < len(x.recStarts) {
		end = int(x.recStarts[hi])
	}
	// scan finds pattern; inPhone says whether it must lie in the phone part of a record
	// (after 0x1E) or in the name and email part (before it). A hit in the wrong part is
	// skipped: for words that is the rest of the record, since the phone comes last.
	scan := func(pattern []byte, inPhone bool, verify func(text []byte) bool) {
		k := lo
		pos := int(x.recStarts[lo])
		for pos < end {
			j := bytes.Index(x.hay[pos:end], pattern)
			if j < 0 {
				return
			}
			at := pos + j
			for k+1 < hi && int(x.recStarts[k+1]) <= at {
				k++
			}
			start := int(x.recStarts[k])
			next := end
			if k+1 < len(x.recStarts) {
				next = int(x.recStarts[k+1])
			}
			split := start + bytes.IndexByte(x.hay[start:next], 0x1e)
			switch {
			case inPhone && at < split:
				pos = split // look again in this record's phone
				continue
			case !inPhone && at >= split:
				pos = next
				continue
			}
			if x.recSlot[k] >= 0 && (verify == nil || verify(x.hay[start:split])) {
				out.set(uint32(k))
			}
			pos = next
		}
	}
	if q.phone != nil {
		scan(q.phone, true, nil)
	}
	if len(q.words) > 0 && (sig == nil || !x.matchWords(q.words, sig, lo, hi, out)) {
		rest := q.words[1:]
		var verify func([]byte) bool
		if len(rest) > 0 {
			verify = func(text []byte) bool {
				for _, w := range rest {
					if !bytes.Contains(text, w) {
						return false
					}
				}
				return true
			}
		}
		scan(q.words[0], false, verify)
	}
}

// matchText returns the live slots whose record matches, using both cores.
func (x *index) matchText(q *textQuery) *bitset {
	if q.anchored && len(q.words) == 0 {
		// A phone prefix: one run of the phone order, not a scan (phoneorder.go).
		return x.matchPhonePrefix(q.phone)
	}
	return x.scanText(q)
}

// scanText is matchText by a scan of the search buffer.
func (x *index) scanText(q *textQuery) *bitset {
	n := len(x.recStarts)
	var sig []uint64
	if len(q.words) > 0 {
		sig = x.signatures()
	}
	var a, b bitset
	a.grow(uint32(n))
	b.grow(uint32(n))
	mid := n / 2
	if n >= 1<<15 {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); x.matchRecords(q, sig, 0, mid, &a) }()
		x.matchRecords(q, sig, mid, n, &b)
		wg.Wait()
	} else {
		x.matchRecords(q, sig, 0, n, &a)
	}
	for i := range a.w {
		a.w[i] |= b.w[i]
	}
	if n == len(x.ids) {
		// Every slot has had exactly one record, its own, in the same order (the index
		// was just loaded or compacted, and no edit has appended a record since): record
		// k is slot k, and garbage records are those of deleted slots, which
		// matchRecords already left out.
		return &a
	}
	slots := &bitset{}
	slots.grow(uint32(len(x.ids)))
	for k := range a.each() {
		if s := x.recSlot[k]; s >= 0 {
			slots.set(uint32(s))
		}
	}
	return slots
}

// filter is a query's conditions other than text, resolved against the index.
type filter struct {
	groups   []*bitset
	mode     string
	noGroup  bool
	hasEmail bool
	source   int64 // -1 for any
}

func (f *filter) empty() bool {
	return len(f.groups) == 0 && !f.noGroup && !f.hasEmail && f.source < 0
}

func (x *index) keep(f *filter, s uint32) bool {
	if x.dead.has(s) {
		return false
	}
	if f.noGroup && x.ngroups[s] > 0 {
		return false
	}
	if f.hasEmail && !x.email.has(s) {
		return false
	}
	if f.source >= 0 && int64(x.sources[s]) != f.source {
		return false
	}
	switch f.mode {
	case GroupsAll:
		for _, g := range f.groups {
			if !g.has(s) {
				return false
			}
		}
	case GroupsNone:
		for _, g := range f.groups {
			if g.has(s) {
				return false
			}
		}
	default:
		if len(f.groups) > 0 {
			for _, g := range f.groups {
				if g.has(s) {
					return true
				}
			}
			return false
		}
	}
	return true
}

// find walks the contacts a query matches in the query's order, calling fn with each
// slot and its position among the matches; fn returns false to stop. It returns the
// number of matches when it was not stopped.
func (x *index) find(q Query, f *filter, text *textQuery, fn func(s uint32, i int) bool) int {
	var matched *bitset
	if text != nil {
		matched = x.matchText(text)
	}
	ok := func(s uint32) bool {
		return (matched == nil || matched.has(s)) && x.keep(f, s)
	}
	i := 0
	visit := func(s uint32) bool {
		if !ok(s) {
			return true
		}
		cont := fn(s, i)
		i++
		return cont
	}
	if q.Sort == SortNewest {
		// Slots are in creation order, so newest first is the slots backwards.
		for s := len(x.ids) - 1; s >= 0; s-- {
			if !visit(uint32(s)) {
				return i
			}
		}
		return i
	}
	if matched != nil && f.empty() {
		// Few matches: sort them by name instead of walking the whole order, which also
		// works before the order is built after start-up.
		var few []uint32
		for s := range matched.each() {
			if !x.dead.has(s) {
				few = append(few, s)
				if len(few)*16 > x.live {
					few = nil
					break
				}
			}
		}
		if few != nil {
			slices.SortFunc(few, x.compareByName)
			for _, s := range few {
				if !fn(s, i) {
					return i
				}
				i++
			}
			return i
		}
	}
	order, _ := x.nameOrder()
	for _, s := range order {
		if !visit(s) {
			return i
		}
	}
	return i
}

// findPage returns how many contacts a query matches and the slots of the page
// [offset, offset+limit) in the query's order. Unlike find it does not visit every match
// in order: the count comes from the match set a word (64 slots) at a time, and the page
// from a walk of the order that stops once the page is full, or, for a handful of
// matches, from sorting just those. A one-letter search that matches nearly everyone
// then costs its scan and little more.
func (x *index) findPage(q Query, f *filter, text *textQuery, offset, limit int) (int, []uint32) {
	var matched *bitset
	if text != nil {
		matched = x.matchText(text)
	}
	total := x.countMatches(matched, f)
	if total <= offset || limit <= 0 {
		return total, nil
	}
	want := offset + limit
	page := make([]uint32, 0, min(limit, total-offset))
	i := 0
	// visit offers a slot in order; it returns false once the page is full.
	visit := func(s uint32) bool {
		if (matched != nil && !matched.has(s)) || !x.keep(f, s) {
			return true
		}
		if i >= offset {
			page = append(page, s)
		}
		i++
		return i < want
	}
	if q.Sort == SortNewest {
		// Slots are in creation order, so newest first is the slots backwards.
		if matched != nil {
			for s := range matched.eachDesc() {
				if !visit(s) {
					break
				}
			}
			return total, page
		}
		for s := len(x.ids) - 1; s >= 0; s-- {
			if !visit(uint32(s)) {
				break
			}
		}
		return total, page
	}
	// In name order, a walk of the order visits about want·live/total slots before the
	// page is full; few matches are cheaper to sort by themselves, and before the order
	// is built after start-up they are the only way that does not wait for it.
	if matched != nil && total*16 <= x.live {
		log := 1
		for n := total; n > 1; n >>= 1 {
			log++
		}
		walk := want * max(x.live, 1) / total
		if !x.orderReady() || total*log*4 < walk {
			few := make([]uint32, 0, total)
			for s := range matched.each() {
				if x.keep(f, s) {
					few = append(few, s)
				}
			}
			slices.SortFunc(few, x.compareByName)
			return total, append(page, few[offset:min(want, len(few))]...)
		}
	}
	order, _ := x.nameOrder()
	for _, s := range order {
		if !visit(s) {
			break
		}
	}
	return total, page
}

// countMatches counts the live slots in matched (every slot when it is nil) that the
// filter keeps, 64 slots at a time for everything but the per-contact conditions.
func (x *index) countMatches(matched *bitset, f *filter) int {
	if f.empty() {
		if matched == nil {
			return x.live
		}
		return matched.count() // a match set holds live slots only
	}
	n := 0
	perSlot := f.noGroup || f.source >= 0
	words := (len(x.ids) + 63) / 64
	for i := range words {
		w := ^word(&x.dead, i)
		if i == words-1 && len(x.ids)%64 != 0 {
			w &= 1<<(len(x.ids)%64) - 1
		}
		if matched != nil {
			w &= word(matched, i)
		}
		if f.hasEmail {
			w &= word(&x.email, i)
		}
		if len(f.groups) > 0 {
			switch f.mode {
			case GroupsAll:
				for _, g := range f.groups {
					w &= word(g, i)
				}
			case GroupsNone:
				for _, g := range f.groups {
					w &^= word(g, i)
				}
			default:
				var in uint64
				for _, g := range f.groups {
					in |= word(g, i)
				}
				w &= in
			}
		}
		if !perSlot {
			n += bits.OnesCount64(w)
			continue
		}
		for w != 0 {
			s := uint32(i*64 + bits.TrailingZeros64(w))
			if x.keep(f, s) {
				n++
			}
			w &= w - 1
		}
	}
	return n
}

// word returns the i-th 64 slots of a set; a set that was never grown that far has none.
func word(b *bitset, i int) uint64 {
	if i < len(b.w) {
		return b.w[i]
	}
	return 0
}

// count returns how many slots are in the set.
func (b *bitset) count() int {
	n := 0
	for _, w := range b.w {
		n += bits.OnesCount64(w)
	}
	return n
}

// eachDesc yields the set slots from the highest down.
func (b *bitset) eachDesc() func(yield func(uint32) bool) {
	return func(yield func(uint32) bool) {
		for i := len(b.w) - 1; i >= 0; i-- {
			for w := b.w[i]; w != 0; {
				t := 63 - bits.LeadingZeros64(w)
				if !yield(uint32(i*64 + t)) {
					return
				}
				w &^= 1 << t
			}
		}
	}
}
