package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRunDetectName(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		want  []string // output lines
	}{
		{
			name:  "one name",
			stdin: "nama saya Budi\n",
			want:  []string{`{"message":"nama saya Budi","name":"Budi"}`},
		},
		{
			name:  "no name is an empty string",
			stdin: "saya mau pesan 2\n",
			want:  []string{`{"message":"saya mau pesan 2","name":""}`},
		},
		{
			name:  "several lines, CRLF, no final newline",
			stdin: "Halo, saya Bu Sri\r\nmakasih kak\r\nmy name is anna",
			want: []string{
				`{"message":"Halo, saya Bu Sri","name":"Sri"}`,
				`{"message":"makasih kak","name":""}`,
				`{"message":"my name is anna","name":"Anna"}`,
			},
		},
		{
			name:  "empty line",
			stdin: "\n",
			want:  []string{`{"message":"","name":""}`},
		},
		{
			name:  "HTML characters and emoji are not escaped",
			stdin: "saya Rina <3 & 😊\n",
			want:  []string{`{"message":"saya Rina <3 & 😊","name":"Rina"}`},
		},
		{
			name:  "quotes are escaped",
			stdin: "nama saya \"Dewi\"\n",
			want:  []string{`{"message":"nama saya \"Dewi\"","name":"Dewi"}`},
		},
		{
			name:  "no input",
			stdin: "",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runDetectName(strings.NewReader(tt.stdin), &out); err != nil {
				t.Fatalf("runDetectName: %v", err)
			}
			var got []string
			if s := strings.TrimSuffix(out.String(), "\n"); s != "" {
				got = strings.Split(s, "\n")
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("runDetectName(%q) printed\n%s\nwant\n%s", tt.stdin, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRunDetectNameLongLines(t *testing.T) {
	long := "nama saya Budi " + strings.Repeat("x", 1<<20-100)
	var out bytes.Buffer
	if err := runDetectName(strings.NewReader(long+"\n"), &out); err != nil {
		t.Fatalf("a line just under 1 MiB: %v", err)
	}
	if !strings.HasSuffix(out.String(), `"name":"Budi"}`+"\n") {
		t.Errorf("a line just under 1 MiB: output ends %q", out.String()[max(0, out.Len()-40):])
	}
	out.Reset()
	if err := runDetectName(strings.NewReader(strings.Repeat("x", 1<<20+1)+"\n"), &out); err == nil {
		t.Errorf("a line over 1 MiB: no error")
	}
}
