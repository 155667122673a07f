package inbound_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/inbound"
)

// TestParsePayloadGolden parses every sample under testdata/payloads, one per gateway and
// case, and compares the messages with <sample>.golden. The samples follow the shapes in
// the gateways' source and documentation (see ParsePayload); run with -update to rewrite
// the golden files after a deliberate change.
func TestParsePayloadGolden(t *testing.T) {
	samples, err := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(samples) < 20 {
		t.Fatalf("found %d payload samples, want 20 or more", len(samples))
	}
	for _, path := range samples {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := describePayload(body)
			golden := strings.TrimSuffix(path, ".json") + ".golden"
			if updatingGolden() {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", path, golden, chatLineDiff(string(want), got))
			}
		})
	}
}

func describePayload(body []byte) string {
	var b strings.Builder
	msgs, err := inbound.ParsePayload(body)
	if err != nil {
		writeChatErr(&b, err)
		return b.String()
	}
	fmt.Fprintf(&b, "messages: %d\n", len(msgs))
	for _, m := range msgs {
		fmt.Fprintf(&b, "  from %q name %q group %t time %s source %s text %q\n",
			m.From, m.PushName, m.Group, chatTime(m.Time.UTC()), m.Source, m.Text)
	}
	return b.String()
}

// payloadWant is one expected message: from, name, text, group.
type payloadWant struct {
	from, name, text string
	group            bool
}

func TestParsePayload(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		want      []payloadWant
		wantError string // the "detail" of a CodeWebhookPayloadInvalid error
	}{
		{
			name: "simple shape with blanks around",
			body: "\uFEFF  {\"from\": \" 081211112222 \", \"name\": \" Rina \", \"message\": \"halo\"}\n",
			want: []payloadWant{{"081211112222", "Rina", "halo", false}},
		},
		{
			name: "simple shape keeps an empty message",
			body: `{"from": "081211112222", "message": ""}`,
			want: []payloadWant{{"081211112222", "", "", false}},
		},
		{
			name: "simple shape, a LID is passed on for the pipeline to log",
			body: `{"from": "251556368777322@lid", "message": "halo"}`,
			want: []payloadWant{{"251556368777322@lid", "", "halo", false}},
		},
		{name: "empty array", body: `[]`},
		{
			name: "array of shapes from different gateways",
			body: `[{"from": "0812", "message": "a"}, {"event": "onmessage", "session": "s", "from": "6281@c.us", "type": "chat", "body": "b"}]`,
			want: []payloadWant{{"0812", "", "a", false}, {"6281@c.us", "", "b", false}},
		},
		{
			name: "WAHA message from a channel is dropped",
			body: `{"event": "message", "session": "default", "payload": {"from": "120363@newsletter", "fromMe": false, "body": "news"}}`,
		},
		{
			name: "WAHA WEBJS group message names its sender in author",
			body: `{"event": "message", "session": "default", "payload": {"from": "1203@g.us", "author": "6281@c.us", "body": "hi", "_data": {"notifyName": "Ani"}}}`,
			want: []payloadWant{{"6281@c.us", "Ani", "hi", true}},
		},
		{
			name: "WAHA group message without a sender is dropped",
			body: `{"event": "message", "session": "default", "payload": {"from": "1203@g.us", "body": "hi"}}`,
		},
		{
			name: "WAHA with a field of an unexpected type still gives the message",
			body: `{"event": "message", "session": "default", "payload": {"from": "6281@c.us", "body": "hi", "timestamp": "soon", "_data": {"notifyName": 5, "pushName": "Ani"}}}`,
			want: []payloadWant{{"6281@c.us", "Ani", "hi", false}},
		},
		{
			name: "Evolution API with a list of messages and a view-once caption",
			body: `{"event": "messages.upsert", "instance": "x", "data": [
				{"key": {"remoteJid": "6281@s.whatsapp.net", "fromMe": false}, "pushName": "A", "message": {"conversation": "satu"}},
				{"key": {"remoteJid": "6282@s.whatsapp.net", "fromMe": false}, "pushName": "B", "message": {"viewOnceMessageV2": {"message": {"imageMessage": {"caption": "dua"}}}}},
				{"key": {"remoteJid": "6283@s.whatsapp.net", "fromMe": false}, "message": {"reactionMessage": {"text": "👍"}}}]}`,
			want: []payloadWant{{"6281@s.whatsapp.net", "A", "satu", false}, {"6282@s.whatsapp.net", "B", "dua", false}},
		},
		{
			name: "Evolution API group member on a LID with the older senderPn-style alternative",
			body: `{"event": "messages.upsert", "instance": "x", "data": {"key": {"remoteJid": "1203@g.us", "participant": "2515@lid", "participantPn": "6281@s.whatsapp.net"}, "pushName": "6281", "message": {"listResponseMessage": {"title": "Paket A"}}}}`,
			want: []payloadWant{{"6281@s.whatsapp.net", "", "Paket A", true}},
		},
		{
			name: "Evolution API status update is dropped",
			body: `{"event": "messages.upsert", "instance": "x", "data": {"key": {"remoteJid": "status@broadcast", "participant": "6281@s.whatsapp.net"}, "message": {"conversation": "promo"}}}`,
		},
		{
			name: "go-whatsapp-web-multidevice status update is dropped",
			body: `{"event": "message", "device_id": "6289@s.whatsapp.net", "payload": {"chat_id": "status@broadcast", "from": "6281@s.whatsapp.net", "is_from_me": false, "body": "promo"}}`,
		},
		{
			name: "go-whatsapp-web-multidevice legacy status update is dropped",
			body: `{"sender_id": "6281", "chat_id": "status", "from": "6281@s.whatsapp.net in status@broadcast", "message": {"text": "promo"}}`,
		},
		{
			name: "WPPConnect sticker has no text",
			body: `{"event": "onmessage", "session": "s", "from": "6281@c.us", "type": "sticker", "body": "UklGRh4AAABXRUJQVlA4"}`,
		},
		{
			name: "WPPConnect message we sent",
			body: `{"event": "onmessage", "session": "s", "from": "6281@c.us", "fromMe": true, "type": "chat", "body": "ok"}`,
		},
		{name: "another event of a known gateway", body: `{"event": "qrcode", "session": "s", "qrcode": "data:image/png;base64,AA=="}`},
		{name: "empty body", body: " \n", wantError: "empty"},
		{name: "not JSON", body: "from=0812&message=halo", wantError: "json"},
		{name: "cut JSON", body: `{"from": "0812", "message": "ha`, wantError: "json"},
		{name: "a string", body: `"halo"`, wantError: "shape"},
		{name: "null", body: `null`, wantError: "shape"},
		{name: "unknown object", body: `{"hello": "world"}`, wantError: "shape"},
		{name: "unknown event", body: `{"event": "message", "text": "halo"}`, wantError: "shape"},
		{name: "simple shape without from", body: `{"name": "Rina", "message": "halo"}`, wantError: "from"},
		{name: "simple shape without message", body: `{"from": "0812", "name": "Rina"}`, wantError: "message"},
		{name: "simple shape with a number as message", body: `{"from": "0812", "message": 5}`, wantError: "message"},
		{name: "array with a bad item", body: `[{"from": "0812", "message": "a"}, {"from": "0813"}]`, wantError: "message"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, err := inbound.ParsePayload([]byte(tt.body))
			if tt.wantError != "" {
				var e *apperr.Error
				if !errors.As(err, &e) || e.Kind != apperr.Invalid || e.Code != inbound.CodeWebhookPayloadInvalid || e.Params["detail"] != tt.wantError {
					t.Fatalf("error = %#v, want %s with detail %q", err, inbound.CodeWebhookPayloadInvalid, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []payloadWant
			for _, m := range msgs {
				got = append(got, payloadWant{m.From, m.PushName, m.Text, m.Group})
				if m.Source != inbound.SourceWebhook {
					t.Errorf("source %q, want %q", m.Source, inbound.SourceWebhook)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("messages:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParsePayloadTime(t *testing.T) {
	want := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, time string
		want       time.Time
	}{
		{"Unix seconds", `1767225600`, want},
		{"Unix seconds as a string", `"1767225600"`, want},
		{"Unix milliseconds", `1767225600000`, want},
		{"RFC 3339 with a zone", `"2026-01-01T07:00:00+07:00"`, want},
		{"RFC 3339 in UTC", `"2026-01-01T00:00:00Z"`, want},
		{"a Baileys Long", `{"low": 1767225600, "high": 0}`, time.Time{}},
		{"a word", `"kemarin"`, time.Time{}},
		{"null", `null`, time.Time{}},
		{"zero", `0`, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs, err := inbound.ParsePayload([]byte(`{"from": "0812", "message": "x", "time": ` + tt.time + `}`))
			if err != nil {
				t.Fatal(err)
			}
			if got := msgs[0].Time; !got.Equal(tt.want) {
				t.Errorf("time = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSenderPhone(t *testing.T) {
	tests := []struct {
		name, from string
		raw        string
		ok         bool
	}{
		{"s.whatsapp.net JID", "6281234567890@s.whatsapp.net", "6281234567890", true},
		{"c.us JID", "6281234567890@c.us", "6281234567890", true},
		{"JID of a linked device", "6281234567890:12@s.whatsapp.net", "6281234567890", true},
		{"upper-case server and blanks", " 6281234567890@C.US ", "6281234567890", true},
		{"plain number", "6281234567890", "6281234567890", true},
		{"number as an export prints it", "+62 812-3456-7890", "+62 812-3456-7890", true},
		{"local number", "0812 3456 7890", "0812 3456 7890", true},
		{"LID", "251556368777322@lid", "", false},
		{"LID of a device", "251556368777322:3@lid", "", false},
		{"group", "120363041234567890@g.us", "", false},
		{"status", "status@broadcast", "", false},
		{"channel", "120363@newsletter", "", false},
		{"JID whose user is not a number", "budi@s.whatsapp.net", "", false},
		{"empty JID user", "@s.whatsapp.net", "", false},
		{"a name", "Budi", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, ok := inbound.SenderPhone(tt.from)
			if raw != tt.raw || ok != tt.ok {
				t.Errorf("SenderPhone(%q) = %q, %t; want %q, %t", tt.from, raw, ok, tt.raw, tt.ok)
			}
		})
	}
}
