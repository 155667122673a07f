package exporter_test

import (
	"context"
	"fmt"
	"io"
	"iter"
	"testing"

	"kontak/backend/exporter"
)

// benchContacts is how many contacts one benchmark export writes.
const benchContacts = 100_000

var (
	benchFirst  = []string{"Budi", "Siti", "Agus", "Dewi", "Ketut", "Rina", "Hendra", "Nur", "Wayan", "Lestari", "Andi", "Yohanes"}
	benchLast   = []string{"Santoso", "Rahmawati", "Siregar", "Wijaya", "Putra", "Hasibuan", "Saputra", "Nugroho", ""}
	benchGroups = []string{"Pelanggan", "Reseller", "Arisan", "Keluarga", "Kantor", "VIP"}
)

// generated yields n contacts of the realistic mix: mostly mobiles, some
// landlines and foreign numbers, an email for a third, one to three groups,
// and two custom fields for half. It builds each contact when it is asked
// for, so the benchmark measures the writer's memory, not the data's.
func generated(n int) iter.Seq2[exporter.Contact, error] {
	return func(yield func(exporter.Contact, error) bool) {
		for i := range n {
			c := exporter.Contact{
				Name:   benchFirst[i%len(benchFirst)] + " " + benchLast[i%len(benchLast)],
				Phone:  fmt.Sprintf("628%02d%08d", 11+i%80, i),
				Groups: benchGroups[i%4 : i%4+1+i%3],
			}
			switch i % 20 {
			case 0:
				c.Phone = fmt.Sprintf("6221%07d", i%10_000_000)
			case 1:
				c.Phone = fmt.Sprintf("1415%07d", i%10_000_000)
			}
			if i%3 == 0 {
				c.Email = fmt.Sprintf("pelanggan%d@example.com", i)
			}
			if i%2 == 0 {
				c.Fields = []exporter.Field{{"Kota", "Bandung"}, {"Catatan", "pesan tiap bulan"}}
			}
			if !yield(c, nil) {
				return
			}
		}
	}
}

// BenchmarkWrite writes 100,000 contacts in each format and reports rows/s.
// go test -bench Write -benchtime 3x ./backend/exporter
func BenchmarkWrite(b *testing.B) {
	for _, f := range formats {
		b.Run(string(f), func(b *testing.B) {
			o := exporter.Options{FieldKeys: []string{"Kota", "Catatan"}, Total: benchContacts}
			b.ReportAllocs()
			for b.Loop() {
				n, err := exporter.Write(context.Background(), io.Discard, f, generated(benchContacts), o)
				if err != nil || n != benchContacts {
					b.Fatalf("Write = %d, %v", n, err)
				}
			}
			b.ReportMetric(float64(b.N*benchContacts)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
