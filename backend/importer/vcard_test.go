package importer_test

import (
	"reflect"
	"strings"
	"testing"

	"kontak/backend/importer"
)

func TestVCard(t *testing.T) {
	type P = importer.Phone
	type F = importer.Field
	photo := "PHOTO;ENCODING=b;TYPE=JPEG:" + strings.Repeat(" /9j/4AAQSkZJRgABAQAAAQABAAD/4QBYRXhpZgAATU0AKgAAAAgAAgESAAMAAAA\r\n", 50000)
	tests := []struct {
		name    string
		data    string
		want    []importer.Record
		wantErr string
	}{
		{
			name: "2.1 quoted-printable with soft line breaks and charsets",
			data: "BEGIN:VCARD\r\nVERSION:2.1\r\n" +
				"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Wijaya;Bud=\r\n=C3=AF;;;\r\n" +
				"TEL;CELL;PREF:0812-3456-7890\r\nTEL;HOME;FAX:021 555 1234\r\n" +
				"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Caf=E9=0D=0Alantai 2\r\n" +
				"END:VCARD\r\n" +
				"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:\x88\xc0\x93\xa1\x83\x8d\x83\x43\x83\x68;;;;\r\nTEL;VOICE:0300000000\r\nEND:VCARD\r\n",
			want: []importer.Record{
				{Row: 1, Name: "Budï Wijaya", Phones: []P{{"0812-3456-7890", "mobile"}, {"021 555 1234", "fax"}},
					Fields: []F{{"Note", "Café\nlantai 2"}}},
				{Row: 2, Name: "安藤ロイド", Phones: []P{{"0300000000", ""}}},
			},
		},
		{
			name: "3.0 folded lines, item groups, type lists and a large photo",
			data: "BEGIN:VCARD\nVERSION:3.0\nFN:Siti Nur\n Aminah\nN:Aminah;Siti;Nur;;\n" +
				"TEL;TYPE=CELL,VOICE:+62 812 3456 7890\nTEL;type=WORK;type=VOICE:(021) 555-1234\n" +
				"item1.TEL:0813 1111 2222\nitem1.X-ABLabel:_$!<Mobile>!$_\nitem2.TEL:0813 3333 4444\nitem2.X-ABLabel:Kantor\n" +
				photo + "EMAIL;TYPE=INTERNET:siti@example.com\nEMAIL:siti@kantor.id\n" +
				"CATEGORIES:myContacts,starred,Pelanggan\\, Lama,Arisan\nORG:Toko Makmur;Penjualan\nTITLE:Pemilik\n" +
				"ADR;TYPE=HOME:;;Jl. Merdeka 1;Bandung;Jawa Barat;40111;Indonesia\nEND:VCARD\n",
			want: []importer.Record{{Row: 1, Name: "Siti NurAminah",
				Phones: []P{{"+62 812 3456 7890", "mobile"}, {"(021) 555-1234", "work"}, {"0813 1111 2222", "mobile"},
					{"0813 3333 4444", "work"}},
				Email:  "siti@example.com",
				Groups: []string{"Pelanggan", "Lama", "Arisan"},
				Fields: []F{{"Email 2", "siti@kantor.id"}, {"Organization", "Toko Makmur, Penjualan"}, {"Title", "Pemilik"},
					{"Address", "Jl. Merdeka 1, Bandung, Jawa Barat, 40111, Indonesia"}}}},
		},
		{
			name: "4.0 tel uri, name from N, birthday",
			data: "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Santoso;Budi;;Bapak;\r\nTEL;VALUE=uri;TYPE=\"cell,voice\":tel:+62-812-3456-7890\r\n" +
				"EMAIL;PREF=1:mailto:budi@example.com\r\nBDAY:--0415\r\nEND:VCARD\r\n",
			want: []importer.Record{{Row: 1, Name: "Bapak Budi Santoso", Phones: []P{{"+62-812-3456-7890", "mobile"}},
				Email: "budi@example.com", Fields: []F{{"Birthday", "--0415"}}}},
		},
		{
			name: "name from the organisation, email in angle brackets",
			data: "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nORG:Bengkel Jaya\nTEL:0812\nEMAIL:\"Bengkel\" <bengkel@example.com>\nEND:VCARD\n",
			want: []importer.Record{{Row: 1, Name: "Bengkel Jaya", Phones: []P{{"0812", ""}}, Email: "bengkel@example.com",
				Fields: []F{{"Organization", "Bengkel Jaya"}}}},
		},
		{
			name: "nested card, junk lines and a card without END",
			data: "BEGIN:VCARD\nVERSION:2.1\nN:Induk\n# comment\nBEGIN:VCARD\nVERSION:2.1\nN:Anak\nEND:VCARD\n" +
				"TEL:1\nEND:VCARD\nnot a card\nBEGIN:VCARD\nVERSION:3.0\nFN:Terpotong\nTEL:2\n",
			want: []importer.Record{
				{Row: 1, Name: "Anak"},
				{Row: 2, Name: "Induk", Phones: []P{{"1", ""}}},
				{Row: 3, Name: "Terpotong", Phones: []P{{"2", ""}}},
			},
		},
		{
			name: "a property longer than the limit is cut, not fatal",
			data: "BEGIN:VCARD\nVERSION:3.0\nFN:Panjang\nNOTE:" + strings.Repeat("a", 3<<20) + "\nTEL:0812\nEND:VCARD\n",
			want: []importer.Record{{Row: 1, Name: "Panjang", Phones: []P{{"0812", ""}},
				// The line is kept up to 1 MiB, "NOTE:" included.
				Fields: []F{{"Note", strings.Repeat("a", 1<<20-len("NOTE:"))}}}},
		},
		{
			name:    "a first card with no property",
			data:    "BEGIN:VCARD\n\x01\x02 nothing here\nEND:VCARD\n",
			wantErr: importer.CodeVCardMalformed,
		},
		{
			name:    "cards with nothing in them",
			data:    "BEGIN:VCARD\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\n",
			wantErr: importer.CodeFileNoRows,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := importer.Open(write(t, "c.vcf", []byte(tt.data)), importer.OpenOptions{})
			if got := codeOf(err); got != tt.wantErr {
				t.Fatalf("Open error = %q (%v), want %q", got, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			defer src.Close()
			if src.Format != importer.FormatVCard || src.Header != nil || src.Suggested.Columns != nil {
				t.Errorf("format %q, header %q, mapping %v; want vcard with no header or mapping",
					src.Format, src.Header, src.Suggested.Columns)
			}
			if rows, err := src.Sample(5); rows != nil || err != nil {
				t.Errorf("Sample = %v, %v; want nil, nil", rows, err)
			}
			got := readAll(t, src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records\n got %+v\nwant %+v", trimLong(got), trimLong(tt.want))
			}
		})
	}
}

// trimLong shortens long field values so a failure message stays readable.
func trimLong(recs []importer.Record) []importer.Record {
	out := make([]importer.Record, len(recs))
	for i, r := range recs {
		out[i] = r
		out[i].Fields = nil
		for _, f := range r.Fields {
			if len(f.Value) > 80 {
				f.Value = f.Value[:80] + "…"
			}
			out[i].Fields = append(out[i].Fields, f)
		}
	}
	return out
}
