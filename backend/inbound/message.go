// Package inbound handles the WhatsApp messages that reach Kontak: where they come from,
// the auto-reply rules they meet, and the contacts they save.
//
// # Sources
//
// Every message becomes a [Message], whatever its source:
//
//   - a local webhook ([Webhook]) that a WhatsApp gateway on the same machine posts to,
//     with the payloads [ParsePayload] understands;
//   - a WhatsApp "Export chat" .txt file ([ReadChatExport]);
//   - the test box of the user interface.
//
// A sender is whatever the source gave: a WhatsApp JID ("628…@s.whatsapp.net",
// "628…@c.us", "…@lid"), a number as an export prints it ("+62 812-3456-7890"), or
// nothing but a display name. [SenderPhone] takes the phone number out of it when there
// is one; the phone package normalises it.
package inbound

import (
	"strings"
	"time"
)

// Message sources, as Message.Source names them.
const (
	SourceWebhook    = "webhook"
	SourceChatExport = "chat-export"
	SourceTest       = "test"
)

// Message is one incoming WhatsApp message, from any source.
type Message struct {
	// From is the sender as the source gave it: "628…@s.whatsapp.net", "628…@c.us",
	// "+62 812…" or "…@lid". It is "" when a chat export names the sender only by a saved
	// contact name, which is then in PushName.
	From string `json:"from"`
	// PushName is the sender's WhatsApp display name, or the saved name a chat export
	// shows; it may be "".
	PushName string `json:"name"`
	Text     string `json:"message"`
	// Time is when the message was sent; zero when the source does not say.
	Time time.Time `json:"time"`
	// Group is true for a message sent in a group chat; From is then the member who
	// wrote it, never the group.
	Group bool `json:"group"`
	// Source is one of the Source… constants.
	Source string `json:"source"`
	// Line is, for a chat export, the line number of the message's first line.
	Line int `json:"line,omitempty"`
}

// SenderPhone extracts the raw phone part of a sender: it strips "@s.whatsapp.net" and
// "@c.us" and a ":device" suffix, and returns a sender without "@" as it is. It returns
// ok=false for "@lid" and "@g.us" identifiers (and the other WhatsApp servers: broadcast
// lists, channels), which are not phone numbers and must never be stored as one: a LID is
// a random number that would normalise to a valid-looking but wrong contact. A sender
// without any digit, such as a display name, is not a phone either.
func SenderPhone(from string) (raw string, ok bool) {
	from = strings.TrimSpace(from)
	user, server, hasServer := strings.Cut(from, "@")
	if !hasServer {
		if !strings.ContainsAny(from, "0123456789") {
			return "", false
		}
		return from, true
	}
	switch strings.ToLower(server) {
	case "s.whatsapp.net", "c.us":
	default:
		return "", false
	}
	// A JID of a linked device carries the device number after a colon
	// ("6281234567890:12@s.whatsapp.net"); the person is the same.
	user, _, _ = strings.Cut(user, ":")
	if user == "" || strings.Trim(user, "0123456789") != "" {
		return "", false
	}
	return user, true
}
