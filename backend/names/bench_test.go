package names_test

import (
	"testing"

	"kontak/backend/names"
)

// benchMessages is a mix like an inbox: mostly messages without a name,
// some with one, a few long ones.
var benchMessages = []string{
	"Selamat pagi kak, nama saya Yanti, stok hijab hitam masih?",
	"saya mau pesan 2 ya kak",
	"kak ready size M?",
	"Halo, saya Bu Sri",
	"sudah transfer ya kak, mohon dicek 🙏",
	"Hi, I'm Aisha from Jakarta",
	"harga paket reseller berapa?",
	"Format order:\nNama: Sinta Dewi\nNo HP: 0812 3333 4444\nAlamat: Jl. Mawar 2 RT 03 RW 05, Kel. Sukamaju, Kec. Cibinong, Kab. Bogor 16911",
	"oke",
	"aku Rani kak, yang minggu lalu beli",
	"I'm interested in the blue one, is it still available? how much is the shipping to Surabaya?",
	"saya tunggu kabarnya ya kak, terima kasih banyak sebelumnya 😊😊",
	"Perkenalkan, saya Reza dari CV Sinar Abadi, kami ingin bekerja sama sebagai distributor untuk wilayah Jawa Timur",
	"makasih kak",
	"nama barangnya apa?",
	"this is a test",
}

func BenchmarkDetect(b *testing.B) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = names.Detect(benchMessages[i%len(benchMessages)])
		i++
	}
}
