package contacts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"kontak/backend/store"
)

func TestPhoneSortKeyRanges(t *testing.T) {
	phones := []string{"6", "62", "620", "628", "6280", "62800", "628000000000", "6281", "62812",
		"628123", "6281234567890", "6281299999999", "62813", "629", "63", "7", "14155550100",
		"99999999999999999", "10000000000000000"}
	prefixes := append([]string{"1", "6", "62", "628", "6280", "62800", "628000", "62812", "6281234567890",
		"62812345678901", "9", "99999999999999999", "12345678901234567"}, phones...)
	for _, p := range prefixes {
		lo, hi, ok := prefixRange([]byte(p))
		if !ok {
			t.Fatalf("prefixRange(%q) not ok", p)
		}
		for _, ph := range phones {
			k, ok := phoneSortKey([]byte(ph))
			if !ok {
				t.Fatalf("phoneSortKey(%q) not ok", ph)
			}
			in := lo <= k && k < hi
			if want := len(ph) >= len(p) && ph[:len(p)] == p; in != want {
				t.Errorf("phone %q prefix %q: in range %v, want %v", ph, p, in, want)
			}
		}
	}
	for _, odd := range []string{"", "0812", "62-812", "123456789012345678", "+62"} {
		if _, ok := phoneSortKey([]byte(odd)); ok {
			t.Errorf("phoneSortKey(%q) is ok, want odd", odd)
		}
	}
}

// TestIndexAnswersAgreeWithTheScan drives the index through random adds, edits (phones
// too), deletes, undeletes, group changes and compactions, with the phone order dropped
// and rebuilt on the way, and checks after each burst that phone-prefix searches give
// exactly what the scan of the search buffer gives, that the phone order holds every live
// slot once in key order, and that findPage gives the count and page that a walk of every
// match in order (find) gives, for both sorts, several offsets and filters.
func TestIndexAnswersAgreeWithTheScan(t *testing.T) {
	defer func(v int) { phoneOrderKeepBelow = v }(phoneOrderKeepBelow)
	phoneOrderKeepBelow = 20
	rng := rand.New(rand.NewPCG(3, 9))
	x := newIndex()
	for g := uint64(1); g <= 3; g++ {
		x.putGroup(store.Group{ID: g, Name: fmt.Sprint("G", g)}, fmt.Sprint("g", g))
	}
	names := []string{"Budi", "Siti", "Agus Santoso", "Dewi", "Ratna Lubis", "a", "Wayan", "Ani", "Toko 0812",
		"Désirée", "Zz", "Bu Xena", "Kantor-Pusat", "A.B. @Budi"}
	phoneOf := func() string {
		switch rng.IntN(12) {
		case 0:
			return fmt.Sprintf("1415555%04d", rng.IntN(100)) // foreign
		case 1:
			return fmt.Sprintf("0812%04d", rng.IntN(100)) // leading zero: not canonical, kept in odd
		case 2:
			return fmt.Sprintf("62-%d", rng.IntN(100)) // not digits: odd
		case 3:
			return fmt.Sprintf("62%d", rng.IntN(1000)) // short
		}
		return fmt.Sprintf("628%d%07d", 11+rng.IntN(3), rng.IntN(300))
	}
	var nextID uint64
	live := map[uint64]bool{}
	deleted := map[uint64]store.Contact{}
	phones := map[string]uint64{} // the store keeps phones unique
	put := func(c store.Contact) {
		if owner, ok := phones[c.Phone]; ok && owner != c.ID {
			return
		}
		for p, id := range phones {
			if id == c.ID {
				delete(phones, p)
			}
		}
		phones[c.Phone] = c.ID
		var groups []uint64
		for g := uint64(1); g <= 3; g++ {
			if rng.IntN(3) == 0 {
				groups = append(groups, g)
			}
		}
		c.Name = names[rng.IntN(len(names))]
		if rng.IntN(3) == 0 {
			c.Email = "mail" + fmt.Sprint(rng.IntN(20)) + "@example.com"
		}
		x.putContact(&c, groups)
		live[c.ID] = true
		delete(deleted, c.ID)
	}
	pick := func() (uint64, bool) {
		if len(live) == 0 {
			return 0, false
		}
		ids := make([]uint64, 0, len(live))
		for id := range live {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return ids[rng.IntN(len(ids))], true
	}
	queries := []string{"0812", "62812", "+62 813", "6281", "62", "6", "+1 415", "0062 811", "0", "+62 0812",
		"62812 000", "812", "a", "budi", "toko 0812", "zzz", "999999999999999999", "i s", "siti lubis",
		"an", "mail", "example.com", "@", "a b", "ni", "desiree", "é", "x", "anx", "6281x", "-", "bu xena", "mail1 agus"}
	for burst := range 30 {
		for range 1 + rng.IntN(120) {
			switch op := rng.IntN(10); {
			case op < 4 || len(live) == 0:
				nextID++
				put(store.Contact{ID: nextID, Phone: phoneOf()})
			case op < 6:
				if id, ok := pick(); ok {
					put(store.Contact{ID: id, Phone: phoneOf()})
				}
			case op < 8:
				if id, ok := pick(); ok {
					for p, owner := range phones {
						if owner == id {
							delete(phones, p)
							deleted[id] = store.Contact{ID: id, Phone: p}
						}
					}
					x.deleteContact(id)
					delete(live, id)
				}
			case op < 9:
				for id, c := range deleted { // undo a delete
					if _, taken := phones[c.Phone]; !taken {
						put(c)
					}
					_ = id
					break
				}
			default:
				if id, ok := pick(); ok {
					if rng.IntN(2) == 0 {
						x.addMember(uint64(1+rng.IntN(3)), id)
					} else {
						x.removeMember(uint64(1+rng.IntN(3)), id)
					}
				}
			}
		}
		if burst%7 == 6 {
			x.compact()
		}
		checkPhoneOrder(t, x)
		for _, text := range queries {
			tq := parseText(text, "ID")
			if tq.anchored && len(tq.words) == 0 {
				got, want := x.matchPhonePrefix(tq.phone), x.scanText(tq)
				if !slices.Equal(slices.Collect(got.each()), slices.Collect(want.each())) {
					t.Fatalf("burst %d, %q: phone order finds %v, the scan %v", burst, text,
						slices.Collect(got.each()), slices.Collect(want.each()))
				}
			}
			if got, want := x.matchText(tq), plainScan(x, tq); !slices.Equal(slices.Collect(got.each()), slices.Collect(want.each())) {
				t.Fatalf("burst %d, %q: index finds %v, a plain scan %v", burst, text,
					slices.Collect(got.each()), slices.Collect(want.each()))
			}
			for _, f := range []filter{
				{source: -1},
				{source: -1, groups: []*bitset{&x.groups[1].members, &x.groups[2].members}},
				{source: -1, groups: []*bitset{&x.groups[1].members, &x.groups[2].members}, mode: GroupsAll},
				{source: -1, groups: []*bitset{&x.groups[3].members}, mode: GroupsNone, hasEmail: true},
				{source: 0, noGroup: true},
			} {
				for _, sort := range []string{SortName, SortNewest} {
					for _, off := range []int{0, 1, 7, 30} {
						q := Query{Text: text, Sort: sort, Offset: off, Limit: 5}
						var want []uint32
						wantTotal := x.find(q, &f, tq, func(s uint32, i int) bool {
							if i >= off && len(want) < 5 {
								want = append(want, s)
							}
							return true
						})
						gotTotal, got := x.findPage(q, &f, tq, off, 5)
						if gotTotal != wantTotal || !slices.Equal(got, want) {
							t.Fatalf("burst %d, %q %s offset %d filter %+v: findPage %d %v, find %d %v",
								burst, text, sort, off, f, gotTotal, got, wantTotal, want)
						}
					}
				}
			}
		}
	}
}

// plainScan matches a query by scanning the search buffer, without the phone order or
// the record signatures.
func plainScan(x *index, q *textQuery) *bitset {
	var recs bitset
	recs.grow(uint32(len(x.recStarts)))
	x.matchRecords(q, nil, 0, len(x.recStarts), &recs)
	out := &bitset{}
	for k := range recs.each() {
		out.set(uint32(x.recSlot[k]))
	}
	return out
}

// checkPhoneOrder checks that a built phone order holds every live slot once, in key
// order, with the odd phones apart.
func checkPhoneOrder(t *testing.T, x *index) {
	t.Helper()
	p := &x.phoneOrd
	if !p.built {
		return
	}
	seen := map[uint32]bool{}
	var prev uint64
	for i, s := range p.slots {
		k, ok := x.phoneKeyOf(s)
		if !ok || x.dead.has(s) || seen[s] || (i > 0 && k < prev) {
			t.Fatalf("phone order is wrong at %d (slot %d, key ok %v, dead %v, twice %v)", i, s, ok, x.dead.has(s), seen[s])
		}
		seen[s], prev = true, k
	}
	for _, s := range p.odd {
		if _, ok := x.phoneKeyOf(s); ok || x.dead.has(s) || seen[s] {
			t.Fatalf("odd phone slot %d is wrong", s)
		}
		seen[s] = true
	}
	if len(seen) != x.live {
		t.Fatalf("phone order holds %d slots, %d are live", len(seen), x.live)
	}
}
