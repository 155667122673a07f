package names

import "strings"

// class is what the word lists say about a folded word. A word can be in
// several lists: "dari" is a stop word and may follow a name.
type class uint16

const (
	// cStop words are never part of a name: pronouns, verbs, adjectives,
	// time words, places, shop words. After "saya" or "I'm" they mean the
	// sentence is about something else.
	cStop class = 1 << iota
	// cAmbiguous words are names as often as common words ("Bagus",
	// "Sabar", "Grace"). They are names after a strong pattern, and after a
	// weak one only when capitalised in a message that trusts its capitals.
	cAmbiguous
	// cHonorific words are titles removed in front of a name ("Bu", "Pak").
	cHonorific
	// cVocative words address the reader ("min", "gan"): they end a name
	// and may open a clause, but no name follows them.
	cVocative
	// cOpener words may stand before a weak pattern in its clause:
	// greetings and fillers ("Halo", "selamat pagi", "btw").
	cOpener
	// cFollow words may come right after a name stated with a weak
	// pattern: "saya Budi dari Bogor", "this is Carlos from Globex".
	cFollow
	// cParticle words stay lower case inside a name: "Ahmad bin Abdullah".
	cParticle
	// cAbbrev words take a period that does not end the sentence: "Hj.",
	// "dr.", "Moh.".
	cAbbrev
)

// classOf returns the classes of a folded word.
func classOf(low string) class { return classes[low] }

var classes = func() map[string]class {
	m := make(map[string]class, 2048)
	add := func(c class, lists ...string) {
		for _, list := range lists {
			for _, w := range strings.Fields(list) {
				m[w] |= c
			}
		}
	}
	add(cStop, stopPronouns, stopFunction, stopVerbs, stopStates, stopTime, stopPeople,
		stopShop, stopBrands, stopNumbers, stopPlaces, stopEnglish)
	add(cAmbiguous, ambiguous)
	add(cHonorific, honorifics)
	add(cVocative, vocatives)
	add(cOpener|cStop, openers)
	add(cFollow, follows)
	add(cParticle, particles)
	add(cAbbrev, abbreviations)
	return m
}()

// The Indonesian stop list is written as people type in chat: standard
// words, their colloquial forms and the usual abbreviations ("udah", "udh",
// "sdh" for "sudah").

const stopPronouns = `
saya sy sya aku aq ak gue gua gw ane ku kamu km kmu kau engkau anda dia ia beliau
kami kita mereka kalian lu lo loe lw elu elo ente sampeyan njenengan panjenengan
ini itu tsb tersebut sini situ sana siapa sapa siapakah apa apaan apakah mana
kapan kpn bagaimana gimana gmn gmna bgmn bgm kenapa knp napa mengapa berapa brp
brapa dimana dmn kemana kmn darimana drmn diri dirinya sendiri sndiri pribadi
`

const stopFunction = `
dan dn atau ato atw tapi tp tetapi namun melainkan karena karna krn krna soalnya
sebab jadi jd kalau kalo klo kl klu jika jikalau bila apabila agar supaya biar
untuk utk buat bwt dengan dgn dg sama sm ke di dari dr pada pd oleh tentang soal
terhadap antara sampai smpe sampe hingga sejak selama sebelum sesudah setelah
saat ketika pas lalu terus trus trs kemudian lagi lg juga jg pun saja aja aj sj
sja cuma cuman cm hanya hny doang memang emang emg mmg sih si dong donk deh dech
kok kan kah lah toh nih ni tuh tu yah ya yaa yaaa iya iyaa iyah iye yup yap ok
oke okay okey okee okeh okedeh sip sipp siap mantap mantab mantul nah loh lho
wah wow wih waduh aduh duh astaga astaghfirullah astagfirullah alhamdulillah
insyaallah inshaallah insya masyaallah subhanallah aamiin bismillah yang yg
bukan bkn tidak tdk tak gak ga gk nggak ngga ngak nga enggak engga ndak nda gag
kagak ora jangan jgn mau mo mw mao pengen pgn pingin kepengen ingin hendak akan
bakal bakalan sudah sdh udah udh dah telah blm belum sedang sdg masih msh baru br
barusan pernah prnh sempat smpt bisa bs bisakah dapat dpt dapet boleh blh harus
hrs musti mesti wajib perlu butuh pasti psti mungkin mngkn mgkn kayaknya kyknya
keknya kayanya sepertinya seperti spt kayak kaya kira kiranya rasanya sangat
sngt sekali banget bgt bngt amat terlalu cukup agak lebih lbh kurang paling
semua smua semuanya banyak byk sedikit dikit sdkit beberapa setiap tiap masing
lain lainnya adalah ialah yaitu yakni merupakan menjadi ada punya pny atas bawah
dalam luar depan belakang samping dekat jauh mah atuh euy wkwk wkwkwk haha
hahaha hehe hehehe hihi xixi kwkw
`

const stopVerbs = `
pesan pesen psn memesan mesen mesan order ordr orderan pesanan beli bli membeli
belanja ambil ngambil mengambil bayar byr membayar dibayar transfer tf trf
trnsfer ditransfer kirim krm kirimin ngirim mengirim dikirim terima nerima
menerima diterima mendapat dapatkan cek ngecek mengecek dicek check checkout
cari nyari mencari lihat liat ngeliat melihat dilihat coba nyoba mencoba pakai
pake memakai dipakai minta mnt meminta pinjam tukar nuker retur return refund
komplain complain keluhan batal batalin membatalkan cancel jual menjual jualan
dagang kerja bekerja kerjaan tinggal datang dateng pergi pulang nyampe masuk
keluar buka tutup bikin membuat ikut gabung daftar mendaftar tanya tny nanya
bertanya menanyakan tanyakan konfirmasi konfirm kabari kabarin kabar hubungi
menghubungi telepon telpon tlp telp nelpon call chat ngechat japri share
shareloc kasih ngasih memberi kasi bilang ngomong bicara cerita tunggu tggu
nunggu menunggu ditunggu harap berharap mohon tolong tlg tolongin bantu bantuin
membantu pikir mikir berpikir pikir-pikir mikir-mikir pertimbangkan lupa ingat
inget tau tahu ngerti mengerti paham faham rasa merasa suka pilih milih memilih
ganti mengganti diganti simpan titip nitip sewa booking isi klik follow
mampir lewat jalan nonton main baca denger dengar tulis nulis kasihkan
kirimkan kirimin fotoin bayarin beliin kabarkan cariin ceritain jelasin jelaskan
tunggu tanyain nanyain ngobrol ngajak ajak antar anter nganter jemput
lanjut lanjutkan proses diproses packing dipacking siapkan disiapkan ulang
upload kirimkan dikirimkan sampaikan disampaikan dibantu mencoba berminat
langganan reservasi survei survey
`

const stopStates = `
seneng senang sedih kecewa marah kesal kesel bingung ragu takut khawatir kuatir
puas yakin setuju sepakat tertarik minat penasaran lapar haus capek capai lelah
sibuk sakit sehat kangen rindu bosan malu bangga bahagia lega selamat siap
sanggup mampu repot kerepotan ribet pusing ngantuk telat terlambat cepat lambat
lama baik jelek buruk cantik ganteng cakep keren enak murah mahal besar
kecil panjang pendek tinggi rendah tua muda jauh benar bener betul salah beda
cocok pas penting urgent darurat mendesak serius asli palsu lengkap kosong
penuh habis tersedia aman lancar ramah jujur amanah terpercaya rekomen oke
maaf mf punten permisi makasih mksh makasi terimakasih trimakasih thanks thx tq
ty trims salam halo hallo helo hai hay hy hey hei selamat pagi siang sore malam
malem mlm met kaya miskin gemuk kurus hamil pensiun nganggur otw online offline
dirumah dikantor dijalan disini disana disitu bukanya tutupnya kemana-mana
sukses gagal hilang rusak cacat sobek luntur kotor bersih wangi bau manis asin
pedas panas dingin hangat basah kering berat ringan tebal tipis halus kasar
lembut keras longgar sempit ketat fans follower followers pengikut penggemar kuliah sekolah belajar makan minum
tidur mandi sholat shalat solat ngaji masak nyuci kenal percaya pengin kepingin
kehabisan kelupaan ketinggalan kelewatan mandiri rumah tangga kantor kos kost
kontrakan asrama pondok pesantren sekolahan kampus pasar toko warung mudah
mudahan semoga moga keep fix gajadi skip nego gaptek via domisili daerah area
wilayah sekitar deket cuti diet alergi kulit wajah muka rambut jerawat
jerawatan kusam berminyak sensitif kombinasi umur usia vc sms email info
screenshot ss komen comment nemu scroll tetap tetep rencana niat kepikiran
langsung belom blom dah udahan sdah sudh nungguin ditungguin kelamaan laper
males malas mager baper gabut kepo galau bete santai slow nyesel nyesal demen
doyan typo kepotong ditulis dicatat dicetak diubah diedit dihapus dicoret
hadiah bonus kado gift souvenir brand merek merk usaha bisnis layanan jasa
program aplikasi website koleksi collection menu edisi launching rilis nama
namanya tertera tercantum terdaftar tertulis tersimpan terpakai terblokir
terhapus tercatat terdata terverifikasi terkirim terbaca
dipanggil dipangil panggil pangil panggilan panggilanku bernama lengkap lengkapku
namaku namaq nm pemesan akrab
`

const stopTime = `
sekarang skrg skrng skr nanti ntar nnti tadi td kemarin kemaren kmrn kmarin
besok bsk besuk lusa hari minggu bulan tahun thn dulu duluan segera langsung
lgsg lsg sebentar bentar bntr bntar jam menit detik senin selasa rabu kamis
jumat jum'at sabtu ahad januari februari maret juli agustus september oktober
november desember pekan weekend libur lebaran idul puasa ramadhan ramadan natal
imlek tahunbaru harian mingguan bulanan tadinya nantinya selalu sering jarang
kadang kadang-kadang biasanya biasa
`

const stopPeople = `
orang org warga asli anak anaknya istri istrinya suami suaminya mama mamah mami
papa papah papi ayah nenek kakek adik adiknya kakak kakaknya abang teteh
teman temen kawan sahabat pacar sodara saudara saudari keluarga tetangga
mahasiswa mahasiswi siswa siswi murid pelajar guru dosen pegawai karyawan
karyawati pns tni polri polisi dokter bidan perawat petani nelayan pedagang
pengusaha wiraswasta irt pelanggan customer cust konsumen pembeli penjual seller
reseller resseler dropship dropshipper dropshiper agen distributor member admin
owner pemilik kurir driver ojol ojek sopir supir tukang pemula newbie anggota
peserta korban pengirim penerima alumni santri pemuda remaja cowok
cewek pria wanita laki perempuan bayi balita lansia rt rw lurah camat bupati
pak-pak ibu-ibu bapak-bapak muslim muslimah moslem kristen katolik hindu buddha
budha jawa sunda batak minang betawi bugis dayak tionghoa chinese orangnya
`

// stopShop is the vocabulary of a small online shop: products, orders,
// payment and shipping.
const stopShop = `
barang brg produk product produknya barangnya stok stock ready redy harga hrg
ongkir ongkos pengiriman paket pesanannya katalog promo diskon disc gratis cod
rekening rek norek nomor nomer no alamat almt kota kecamatan kec kelurahan kel
desa jalan jl kode pos warna ukuran size uk model motif bahan varian tipe type
seri baju kaos kaus kemeja blouse celana rok gamis hijab jilbab kerudung
pashmina mukena sarung sepatu sandal sendal tas dompet hp handphone casing case
charger headset skincare serum masker toner lipstik lipstick bedak sabun sampo
shampoo parfum minyak kopi gula beras kue roti keripik kripik sambal frozen
makanan minuman snack camilan cemilan obat vitamin herbal susu mainan buku alat
kain batik emas perak cincin kalung gelang anting bros sprei seprai bantal
handuk kosmetik pulsa kuota voucher token resi invoice nota struk bukti foto
gambar video link list lusin kodi pcs pc biji lembar box dus pack set grosir
ecer eceran satuan sample sampel original ori kw replika second bekas new
preloved import lokal keranjang cart checkout ongkirnya resinya
dp lunas cicilan kredit tunai cash uang duit saldo tagihan biaya total
pembayaran pengembalian garansi stiker label kemasan packing bubble wrap
kardus dus lembaran dress tunik outer cardigan jaket sweater hoodie kemeja
mukena sajadah tasbih peci kopiah songkok abaya khimar niqab cadar
merah hitam putih biru hijau kuning ungu pink abu coklat cokelat navy maroon
cream krem mocca moka mustard army tosca salem peach gold silver orange oranye
jingga nude khaki lilac dusty sage denim warnanya xs xl xxl xxxl allsize
jumbo std standar standard co po preorder ukurannya sizenya
`

const stopBrands = `
shopee tokopedia tokped lazada bukalapak blibli tiktok instagram ig facebook fb
whatsapp wa wag telegram gojek gopay grab grabfood gofood jne jnt sicepat
anteraja tiki ninja wahana posindo bca bri bni bsi btn cimb danamon ovo
shopeepay linkaja qris paypal google youtube twitter indomaret alfamart
alfamidi dm pm inbox ekspedisi marketplace olshop toko
`

const stopNumbers = `
nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas
seratus seribu sejuta belas puluh ratus ribu rb juta jt setengah pertama kedua
ketiga terakhir
`

// stopPlaces are the provinces, large cities and regencies of Indonesia and
// a few countries, so that "saya dari Medan" and "saya orang Bandung" never
// make a name. "Bima" is left out: it is a common first name.
const stopPlaces = `
indonesia aceh sumatera sumatra sumut sumbar sumsel riau kepri jambi bengkulu
lampung bangka belitung babel jawa jabar jateng jatim banten diy dki jakarta
jabodetabek jabotabek bali ntb ntt nusa tenggara kalimantan kalbar kalteng
kalsel kaltim kaltara sulawesi sulut sulteng sulsel sultra sulbar gorontalo
maluku malut papua medan binjai siantar pematangsiantar sibolga padangsidimpuan
padang bukittinggi payakumbuh solok pariaman pekanbaru dumai batam tanjungpinang
palembang prabumulih lubuklinggau pangkalpinang bandarlampung metro serang
cilegon tangerang tangsel bekasi depok bogor sukabumi cianjur bandung cimahi
garut tasikmalaya ciamis banjar cirebon indramayu kuningan majalengka sumedang
subang purwakarta karawang cikarang cibubur cibinong ciputat pamulang serpong
bintaro semarang solo surakarta salatiga magelang tegal brebes pekalongan
pemalang batang kendal demak kudus jepara pati rembang blora grobogan boyolali
klaten sukoharjo wonogiri karanganyar sragen purwokerto banyumas cilacap
purbalingga banjarnegara kebumen purworejo wonosobo temanggung yogyakarta yogya
jogja jogjakarta sleman bantul gunungkidul wonosari kulonprogo surabaya sidoarjo
gresik mojokerto jombang lamongan tuban bojonegoro ngawi madiun magetan ponorogo
pacitan trenggalek tulungagung blitar kediri nganjuk malang batu pasuruan
probolinggo lumajang jember bondowoso situbondo banyuwangi madura bangkalan
sampang pamekasan sumenep denpasar badung gianyar tabanan buleleng singaraja
mataram lombok sumbawa kupang flores ende maumere labuanbajo pontianak
singkawang palangkaraya sampit banjarmasin banjarbaru martapura balikpapan
samarinda bontang tarakan manado bitung tomohon palu makassar parepare palopo
kendari baubau ambon ternate tidore jayapura sorong manokwari merauke timika
nabire jaksel jakbar jakut jaktim jakpus bodetabek malaysia singapura singapore
brunei thailand filipina vietnam arab saudi mekah makkah madinah hongkong taiwan
jepang korea china cina tiongkok india amerika australia belanda inggris eropa
luar negeri kampung kabupaten kab provinsi prov
`

// stopEnglish covers what follows "I'm", "I am", "this is" and "call me" in
// English messages.
const stopEnglish = `
i me my mine myself you your yours he him his she her hers it its itself we us
our they them their this that these those there here who whom whose what which
where when why how a an the am is are was were be been being do does did done
doing have has had having will would shall should can could might must ought
gonna wanna gotta lemme not no nor yes yeah yep yup nope okay sure fine good
great well bad sorry glad sad mad angry upset busy free available ready back
home away out in on at from to for with about of by into onto over under up down
off through than then so very really quite too also just still already always
never ever only even again soon now today tomorrow tonight yesterday later
currently actually honestly literally basically totally probably maybe perhaps
definitely certainly interested interesting looking waiting asking wondering
calling writing texting messaging contacting reaching inquiring enquiring
ordering buying trying thinking planning hoping going coming leaving staying
working living afraid worried confused tired sick late early new old big small
little large huge tiny certain right wrong correct true false real fake serious
important expensive cheap nice cool awesome amazing perfect beautiful lovely
cute ugly weird strange funny crazy stupid excited thrilled pleased satisfied
disappointed unhappy annoyed frustrated concerned curious hungry thirsty sleepy
bored boring alright allright okie k customer client buyer user guest student
teacher doctor nurse mom mother dad father wife husband son daughter brother
sister friend neighbor neighbour manager boss staff one two three four five six
seven eight nine ten first second third last next monday tuesday wednesday
thursday friday saturday sunday january february march july september october
november december thanks thank please pls plz hello hi hey bye welcome sending
paying paid sent received transferred ordered bought shipping delivered checking
getting having asked called named spelled spelt written listed registered
missing changed typed someone somebody anyone anybody nobody everyone everybody
none all both each every any some much many more most less few lot lots bit
kind sort like love hate need want wanted wish think guess know see say said
told tell ask outside inside downstairs upstairs nearby abroad overseas
driving traveling travelling grateful thankful blessed able unable allowed
aware familiar possible test testing spam bot robot human person girl boy man
woman lady gentleman kid child baby adult fan regular loyal existing potential
coming reply replying following following interested urgent correct private
personal sincere sincerely regards best cheers hoping gonna gotta trying
customer seller reseller admin owner member about unsure unclear
indonesian malaysian american chinese javanese sundanese balinese british
english australian singaporean foreigner local muslim catholic hindu buddhist
vegetarian vegan single married divorced pregnant retired unemployed employed
asap whenever anytime sometime tmrw tmr urgently immediately quickly directly
lost kinda sorta dead alive broke poor ill scared cold hot full impressed keen
almost nearly stuck super extremely broken damaged pricey fire lit dope long
short heavy light soft used official everything nothing something anything
because as babe name names name's calls iam full go
done finished complete okey thx ty tq regarding kindly dear awful terrible
horrible fantastic excellent wonderful gorgeous insane unbelievable incredible
worth worthy enough exactly accurate overpriced cheaper better best worse worst
bigger smaller same different similar other another such quick slow fast easy
hard difficult simple clear sold gone legit scam fraud original authentic
genuine gonna going yours truly meant supposed glad asking wanting
needing here's there's it's its that's what's who's i'm im i'd i'll i've
`

// ambiguous are words that are common first names as well as ordinary
// words. "saya Bagus" is a name, "saya bagus" (in a message with careful
// capitals) is not.
const ambiguous = `
sabar setia tulus adil untung jaya agung mulia suci murni teguh cinta permata
dana bagus lucky happy joy hope grace faith rose lily daisy ivy
holly dawn summer autumn sunny sky rich guy drew chase frank grant jack max ray
pat bill sandy christian angel may april june august mei juni mark young
hunter art honey melody crystal amber ruby jade pearl ginger olive hazel violet
iris penny rusty destiny harmony justice
`

// honorifics are titles written before a name. "kakak", "adik" and "abang"
// are left out: "saya kakak Rina" is Rina's sister, not Rina. So are the
// words for parents: a mother calls herself "Bunda Andi" or "Mama Andi"
// after her child. "bli" and "uda" are left out because chat writes them
// for "beli" and "udah".
const honorifics = `
pak bapak bpk bp bu ibu ibuk buk mas mbak mba mbk kak ka kk bang
dik dek om tante tnt akang kang aa teh cak ning uni koh ko ci cik cici ce
cece enci encik mbok mpok gus kyai kiai kh habib syekh ustadz ustad ustaz
ust ustazah ustadzah hj haji hajah hajjah prof ir drs dra sdr sdri tuan nyonya nona
mr mrs ms mx miss mister madam mdm sir sis sist sista bro
`

// vocatives are forms of address that are not titles.
const vocatives = `
min mimin admin gan agan juragan bos boss say sayang beb dear guys sob bestie
cuy kakak kaka bunda bund bun umi ummi abi abah buya emak mak
`

// openers may come before "saya", "I'm" and the other weak patterns in the
// same clause. They are stop words too. Titles and vocatives count as
// openers.
const openers = `
halo hallo helo hello hai hay hi hii hy hey hei hola p ping pagi siang sore
malam malem met selamat slmt assalamualaikum assalamu'alaikum assalamualaikom
asalamualaikum assalamu'alaikum aslm ass wr wb warahmatullahi wabarakatuh
salam shalom punten permisi misi maaf mf sebelumnya sblmnya oh oiya oya eh nah
ya iya yaa iyaa ok oke okay okey sip jadi jd gini begini btw anyway hmm em emm
um uh perkenalkan kenalkan kenalin perkenalan kenalan izin ijin mohon ini good
morning afternoon evening night day greetings dear there everyone all team
folks yes yeah yep yup so well sorry also hallo
`

// follows may come right after a name stated with a weak pattern.
const follows = `
dari dr di dan yang yg mau mo mw mao ingin pengen pgn pingin sudah udah udh sdh
dah tadi td kemarin kemaren kmrn barusan pernah sempat minta mohon pesan pesen
order beli tanya nanya ini nih ni ya yah juga jg disini sini alamat almt no
nomor nomer hp wa asal sebagai selaku from here and with who the your of at
again calling writing texting reaching just i
`

const particles = `bin binti bint ibn van von der den de da del della dos du`

// abbreviations take a period inside a sentence. Single letters (initials)
// always do.
const abbreviations = `
hj dr drs dra ir prof mr mrs ms mx mdm st sdr sdri bpk bp moh muh mhd moch much
md ust kh jl no
`
