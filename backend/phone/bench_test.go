package phone_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"kontak/backend/phone"
)

// benchInputs is the format mix of the performance floor's generator
// (shared/notes/performance-floors.md): 95% mobiles of 9 to 12 digits in
// the common formats, 5% landlines, and a few junk cells.
func benchInputs() []string {
	rng := rand.New(rand.NewPCG(2026, 11))
	out := make([]string, 0, 8192)
	for len(out) < cap(out) {
		p := 811 + rng.IntN(89)
		rest := fmt.Sprintf("%08d", rng.IntN(1e8))
		switch n := rng.IntN(1000); {
		case n < 3:
			out = append(out, []string{"", "-", " "}[n])
		case n < 50:
			sub := fmt.Sprintf("%07d", rng.IntN(1e7))
			out = append(out, []string{"(021) " + sub, "021-" + sub, "+62 21 " + sub, "0274 " + sub[:6]}[n%4])
		case n < 300:
			out = append(out, fmt.Sprintf("0%d-%s-%s", p, rest[:4], rest[4:]))
		case n < 500:
			out = append(out, fmt.Sprintf("+62 %d %s %s", p, rest[:4], rest[4:]))
		case n < 700:
			out = append(out, fmt.Sprintf("62%d%s", p, rest))
		case n < 900:
			out = append(out, fmt.Sprintf("0%d%s", p, rest))
		case n < 950:
			out = append(out, fmt.Sprintf("%d%s", p, rest))
		case n < 975:
			out = append(out, fmt.Sprintf("+62-%d-%s-%s", p, rest[:4], rest[4:]))
		default:
			out = append(out, fmt.Sprintf("(+62) %d.%s.%s", p, rest[:4], rest[4:]))
		}
	}
	return out
}

func BenchmarkAppendCanonical(b *testing.B) {
	n := mustNew(b, "ID")
	in := benchInputs()
	buf := make([]byte, 0, 32)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf, _ = n.AppendCanonical(buf[:0], in[i&(len(in)-1)])
		i++
	}
}

func BenchmarkNormalize(b *testing.B) {
	n := mustNew(b, "ID")
	in := benchInputs()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = n.Normalize(in[i&(len(in)-1)])
		i++
	}
}

// BenchmarkNormalizeForeign shows the cost of the phonenumbers slow path.
func BenchmarkNormalizeForeign(b *testing.B) {
	n := mustNew(b, "ID")
	in := []string{"+1 (415) 555-2671", "+60 12-345 6789", "+65 8123 4567", "0044 20 7946 0958"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = n.Normalize(in[i&3])
		i++
	}
}

func BenchmarkDisplay(b *testing.B) {
	n := mustNew(b, "ID")
	var canon []string
	for _, s := range benchInputs() {
		if r := n.Normalize(s); r.Status == phone.StatusValid {
			canon = append(canon, r.Phone)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = phone.Display(canon[i%len(canon)])
		i++
	}
}

func BenchmarkSearchDigits(b *testing.B) {
	q := []string{"0812 34", "+62 812", "812-3456", "budi"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_, _ = phone.SearchDigits(q[i&3], "ID")
		i++
	}
}
