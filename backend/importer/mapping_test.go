package importer_test

import (
	"reflect"
	"testing"

	"kontak/backend/importer"
)

func TestSuggestMappingHeaders(t *testing.T) {
	tests := []struct {
		header string
		want   importer.ColumnMap
	}{
		{"Nama", importer.ColumnMap{Role: "name"}},
		{"NAMA LENGKAP", importer.ColumnMap{Role: "name"}},
		{"Nama Pelanggan", importer.ColumnMap{Role: "name"}},
		{"Display Name", importer.ColumnMap{Role: "name"}},
		{"kontak", importer.ColumnMap{Role: "name"}},
		{"Given Name", importer.ColumnMap{Role: "first_name"}},
		{"nama depan", importer.ColumnMap{Role: "first_name"}},
		{"Middle Name", importer.ColumnMap{Role: "middle_name"}},
		{"Surname", importer.ColumnMap{Role: "last_name"}},
		{"Nama Belakang", importer.ColumnMap{Role: "last_name"}},
		{"No. HP", importer.ColumnMap{Role: "phone", Key: "mobile"}},
		{"no_wa", importer.ColumnMap{Role: "phone", Key: "mobile"}},
		{"Nomor WhatsApp", importer.ColumnMap{Role: "phone", Key: "mobile"}},
		{"WA", importer.ColumnMap{Role: "phone", Key: "mobile"}},
		{"Telp.", importer.ColumnMap{Role: "phone"}},
		{"tlp", importer.ColumnMap{Role: "phone"}},
		{"Phone", importer.ColumnMap{Role: "phone"}},
		{"HP 2", importer.ColumnMap{Role: "phone", Key: "mobile"}},
		{"Telepon Kantor", importer.ColumnMap{Role: "phone", Key: "work"}},
		{"Business Phone", importer.ColumnMap{Role: "phone", Key: "work"}},
		{"Home Phone", importer.ColumnMap{Role: "phone", Key: "home"}},
		{"Home Fax", importer.ColumnMap{Role: "phone", Key: "fax"}},
		{"Pager", importer.ColumnMap{Role: "phone", Key: "other"}},
		{"Phone 1 - Value", importer.ColumnMap{Role: "phone"}},
		{"Phone 1 - Type", importer.ColumnMap{Role: "ignore"}},
		{"E-mail", importer.ColumnMap{Role: "email"}},
		{"Surel", importer.ColumnMap{Role: "email"}},
		{"E-mail Address", importer.ColumnMap{Role: "email"}},
		{"Primary Email", importer.ColumnMap{Role: "email"}},
		{"E-mail Display Name", importer.ColumnMap{Role: "ignore"}},
		{"E-mail 1 - Label", importer.ColumnMap{Role: "ignore"}},
		{"Grup", importer.ColumnMap{Role: "group"}},
		{"Kategori", importer.ColumnMap{Role: "group"}},
		{"Labels", importer.ColumnMap{Role: "group"}},
		{"Group Membership", importer.ColumnMap{Role: "group"}},
		{"Grup WA", importer.ColumnMap{Role: "group"}},
		{"Tags", importer.ColumnMap{Role: "group"}},
		{"Alamat", importer.ColumnMap{Role: "field", Key: "Alamat"}},
		{"Nama Toko", importer.ColumnMap{Role: "field", Key: "Nama Toko"}},
		{"Company Name", importer.ColumnMap{Role: "field", Key: "Company Name"}},
		{"No", importer.ColumnMap{Role: "field", Key: "No"}},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			got := importer.SuggestMapping([]string{tt.header}, nil).Columns
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("SuggestMapping(%q) = %+v, want %+v", tt.header, got, tt.want)
			}
		})
	}
}

func TestSuggestMappingContent(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		sample [][]string
		want   []importer.ColumnMap
	}{
		{
			name: "no header",
			sample: [][]string{
				{"1", "Budi Santoso", "0812-3456-7890", "budi@example.com", "Bandung"},
				{"2", "Siti", "081311112222", "", "Bogor"},
				{"3", "Agus Salim", "+62 813 9999 8888", "agus@example.com"},
			},
			want: []importer.ColumnMap{
				{Role: "field", Key: "Column 1"}, {Role: "name"}, {Role: "phone"}, {Role: "email"}, {Role: "field", Key: "Column 5"},
			},
		},
		{
			name:   "header without a phone column",
			header: []string{"Pelanggan", "Nomor Pelanggan", "Kolom3"},
			sample: [][]string{{"Budi", "081234567890", "x"}, {"Siti", "0813 1111 2222", "y"}, {"Agus", "-", "z"}},
			want:   []importer.ColumnMap{{Role: "name"}, {Role: "phone"}, {Role: "field", Key: "Kolom3"}},
		},
		{
			name:   "duplicate field names are numbered",
			header: []string{"Nama", "Catatan", "catatan", ""},
			want: []importer.ColumnMap{{Role: "name"}, {Role: "field", Key: "Catatan"}, {Role: "field", Key: "catatan 2"},
				{Role: "field", Key: "Column 4"}},
		},
		{
			name:   "sample wider than the header",
			header: []string{"Nama"},
			sample: [][]string{{"Budi", "catatan"}},
			want:   []importer.ColumnMap{{Role: "name"}, {Role: "field", Key: "Column 2"}},
		},
		{
			name: "nothing at all",
			want: []importer.ColumnMap{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := importer.SuggestMapping(tt.header, tt.sample).Columns
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SuggestMapping\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestRecordsMapping reads one table with mappings a user could choose.
func TestRecordsMapping(t *testing.T) {
	p := write(t, "map.csv", []byte("Depan,Belakang,Telepon,Tipe,Surel,Lain,Grup\n"+
		"  Budi ,Santoso,0812 ::: 0813,Kantor,a@x.id ::: b@x.id,catatan,\"* myContacts, Teman ; teman | VIP\"\n"))
	src, err := importer.Open(p, importer.OpenOptions{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	type P = importer.Phone
	type F = importer.Field
	tests := []struct {
		name string
		cols []importer.ColumnMap
		want importer.Record
	}{
		{
			name: "first and last name, labels, extra email kept",
			cols: []importer.ColumnMap{{Role: "first_name"}, {Role: "last_name"}, {Role: "phone", Key: "work"}, {Role: "ignore"},
				{Role: "email"}, {Role: "field", Key: "Keterangan"}, {Role: "group"}},
			want: importer.Record{Row: 2, Name: "Budi Santoso", Phones: []P{{"0812", "work"}, {"0813", "work"}}, Email: "a@x.id",
				Groups: []string{"Teman", "VIP"}, Fields: []F{{"Surel", "b@x.id"}, {"Keterangan", "catatan"}}},
		},
		{
			name: "a phone label the user typed",
			cols: []importer.ColumnMap{{Role: "name"}, {Role: "ignore"}, {Role: "phone", Key: "HP"}},
			want: importer.Record{Row: 2, Name: "Budi", Phones: []P{{"0812", "mobile"}, {"0813", "mobile"}}},
		},
		{
			name: "a short mapping ignores the other columns",
			cols: []importer.ColumnMap{{Role: "field"}},
			want: importer.Record{Row: 2, Fields: []F{{"Depan", "Budi"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := src.Records(importer.Mapping{Columns: tt.cols})
			if err != nil {
				t.Fatalf("Records: %v", err)
			}
			defer recs.Close()
			got, err := recs.Next()
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("record\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
