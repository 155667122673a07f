package inbound

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kontak/backend/apperr"
)

// CodeWebhookPayloadInvalid is the error of a webhook body that is not JSON or not a
// shape Kontak knows; its parameter "detail" says which. The interface translates the
// code, so its text must never change.
const CodeWebhookPayloadInvalid = "webhook.payload.invalid"

// ParsePayload turns the body of a webhook request into messages. It understands:
//
//   - Kontak's own shape, {"from": "...", "name": "...", "message": "..."} with optional
//     "time" (RFC 3339 or Unix seconds) and "group", or an array of them;
//   - WAHA (github.com/devlikeapro/waha), events "message" and "message.any": the WAMessage
//     of src/structures/responses.dto.ts inside {"event", "session", "payload"}, with the
//     push name in the engine's raw "_data" (WEBJS notifyName, NOWEB pushName, GOWS
//     Info.PushName);
//   - Evolution API (github.com/EvolutionAPI/evolution-api), event "messages.upsert": the
//     Baileys message that prepareMessage in whatsapp.baileys.service.ts builds, inside the
//     {"event", "instance", "data", …} of webhook.controller.ts;
//   - go-whatsapp-web-multidevice (github.com/aldinokemal/go-whatsapp-web-multidevice),
//     event "message" of docs/webhook-payload.md: {"event", "device_id", "payload": {"chat_id",
//     "from", "from_name", "is_from_me", "body", …}}, and the flat shape its versions before
//     December 2025 sent ({"sender_id", "chat_id", "from", "pushname", "message": {"text"}});
//   - WPPConnect Server (github.com/wppconnect-team/wppconnect-server), event "onmessage":
//     callWebHook in src/util/functions.ts spreads the wa-js Message (from, author, fromMe,
//     isGroupMsg, type, body, caption, notifyName) beside "event" and "session".
//
// Messages we sent (fromMe), status updates and channel posts are dropped, and so are
// messages without text: stickers, reactions, locations, and photos or files without a
// caption (a caption is the text). Nobody can match a keyword or state a name in them, and
// an auto reply to a sticker is noise. Any other event of a known gateway (acks, presence,
// session status) gives no messages and no error, so that a gateway set to send every
// event does not log a failure for each one. In a group chat the sender is the member who
// wrote, and Group is set.
//
// A body that is not JSON, or JSON of no known shape, is an *apperr.Error of kind Invalid
// with code CodeWebhookPayloadInvalid.
func ParsePayload(body []byte) ([]Message, error) {
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\uFEFF")))
	if len(body) == 0 {
		return nil, errPayload("empty", "the webhook body is empty")
	}
	if !json.Valid(body) {
		return nil, errPayload("json", "the webhook body is not valid JSON")
	}
	if body[0] != '[' {
		return payloadOne(body)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		return nil, errPayload("json", "the webhook body is not valid JSON")
	}
	var out []Message
	for i, it := range items {
		ms, err := payloadOne(it)
		if err != nil {
			var e *apperr.Error
			if errors.As(err, &e) {
				e.Message = fmt.Sprintf("item %d: %s", i+1, e.Message)
			}
			return nil, err
		}
		out = append(out, ms...)
	}
	return out, nil
}

func errPayload(detail, message string) error {
	return apperr.New(apperr.Invalid, CodeWebhookPayloadInvalid, message).With("detail", detail)
}

func errPayloadShape() error {
	return errPayload("shape", "the webhook body is not a message shape Kontak knows: send "+
		`{"from": "...", "name": "...", "message": "..."} or a WAHA, Evolution API, `+
		"go-whatsapp-web-multidevice or WPPConnect message event")
}

// payloadOne reads one JSON value of the body and dispatches on its shape.
func payloadOne(raw json.RawMessage) ([]Message, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil || top == nil {
		return nil, errPayloadShape()
	}
	if event := payloadString(top["event"]); event != "" {
		return payloadEvent(strings.ToLower(strings.ReplaceAll(event, "_", ".")), top, raw)
	}
	switch {
	case top["sender_id"] != nil && payloadIsObject(top["message"]):
		return payloadGOWALegacy(raw)
	case top["message"] != nil || top["from"] != nil:
		return payloadSimple(raw)
	}
	return nil, errPayloadShape()
}

// payloadEvent reads a gateway's event envelope. Evolution API writes its event names
// in two spellings ("messages.upsert", "MESSAGES_UPSERT"); both are lowered to the first.
func payloadEvent(event string, top map[string]json.RawMessage, raw json.RawMessage) ([]Message, error) {
	switch {
	case top["data"] != nil && event == "messages.upsert":
		return payloadEvolution(top["data"])
	case top["payload"] != nil:
		inner := top["payload"]
		if !payloadIsObject(inner) {
			return nil, nil // receipts and other events carry other payloads
		}
		var keys map[string]json.RawMessage
		_ = json.Unmarshal(inner, &keys)
		gowa := top["device_id"] != nil || keys["chat_id"] != nil || keys["is_from_me"] != nil
		switch {
		case gowa && event == "message":
			return payloadGOWA(inner)
		case !gowa && (event == "message" || event == "message.any"):
			return payloadWAHA(inner)
		}
		return nil, nil
	case event == "onmessage":
		return payloadWPPConnect(raw)
	case top["data"] != nil || top["instance"] != nil || top["session"] != nil:
		return nil, nil // another event of a gateway we know
	}
	return nil, errPayloadShape()
}

// payloadSimple reads Kontak's own shape, which is also what `kontak inbound` reads.
func payloadSimple(raw json.RawMessage) ([]Message, error) {
	var p struct {
		From    string          `json:"from"`
		Name    string          `json:"name"`
		Message json.RawMessage `json:"message"`
		Time    payloadTime     `json:"time"`
		Group   bool            `json:"group"`
	}
	payloadDecode(raw, &p)
	if strings.TrimSpace(p.From) == "" {
		return nil, errPayload("from", `the webhook message has no "from"`)
	}
	var text string
	if json.Unmarshal(p.Message, &text) != nil {
		return nil, errPayload("message", `the webhook message has no "message" text`)
	}
	return []Message{{From: strings.TrimSpace(p.From), PushName: strings.TrimSpace(p.Name), Text: text,
		Time: p.Time.t, Group: p.Group, Source: SourceWebhook}}, nil
}

// baileysKey is the key of a Baileys message, as Evolution API and WAHA's NOWEB engine
// pass it on. Since WhatsApp moved to LIDs, remoteJid or participant may be a "…@lid";
// newer Baileys then gives the phone JID in remoteJidAlt / participantAlt, older in
// senderPn / participantPn.
type baileysKey struct {
	RemoteJID      string `json:"remoteJid"`
	RemoteJIDAlt   string `json:"remoteJidAlt"`
	SenderPn       string `json:"senderPn"`
	FromMe         bool   `json:"fromMe"`
	Participant    string `json:"participant"`
	ParticipantAlt string `json:"participantAlt"`
	ParticipantPn  string `json:"participantPn"`
}

// sender returns the chat and the sender, preferring phone JIDs to LIDs.
func (k baileysKey) sender() (chat, from string, group bool) {
	chat = payloadPreferPhone(k.RemoteJID, k.RemoteJIDAlt, k.SenderPn)
	if payloadServer(k.RemoteJID) == "g.us" {
		return k.RemoteJID, payloadPreferPhone(k.Participant, k.ParticipantAlt, k.ParticipantPn), true
	}
	return chat, chat, false
}

// baileysContent is the part of a Baileys (WhatsApp protobuf) message that holds text.
type baileysContent struct {
	Conversation        string `json:"conversation"`
	ExtendedTextMessage *struct {
		Text string `json:"text"`
	} `json:"extendedTextMessage"`
	ImageMessage               *baileysCaption `json:"imageMessage"`
	VideoMessage               *baileysCaption `json:"videoMessage"`
	DocumentMessage            *baileysCaption `json:"documentMessage"`
	DocumentWithCaptionMessage *baileysWrapper `json:"documentWithCaptionMessage"`
	EphemeralMessage           *baileysWrapper `json:"ephemeralMessage"`
	ViewOnceMessage            *baileysWrapper `json:"viewOnceMessage"`
	ViewOnceMessageV2          *baileysWrapper `json:"viewOnceMessageV2"`
	ButtonsResponseMessage     *struct {
		SelectedDisplayText string `json:"selectedDisplayText"`
	} `json:"buttonsResponseMessage"`
	TemplateButtonReplyMessage *struct {
		SelectedDisplayText string `json:"selectedDisplayText"`
	} `json:"templateButtonReplyMessage"`
	ListResponseMessage *struct {
		Title string `json:"title"`
	} `json:"listResponseMessage"`
}

type baileysCaption struct {
	Caption string `json:"caption"`
}

// baileysWrapper is a message inside a message: disappearing, view-once, a document with
// a caption.
type baileysWrapper struct {
	Message *baileysContent `json:"message"`
}

// text returns what the customer typed: the text, a caption, or the button they chose.
func (c *baileysContent) text() string {
	if c == nil {
		return ""
	}
	switch {
	case c.Conversation != "":
		return c.Conversation
	case c.ExtendedTextMessage != nil:
		return c.ExtendedTextMessage.Text
	case c.ImageMessage != nil:
		return c.ImageMessage.Caption
	case c.VideoMessage != nil:
		return c.VideoMessage.Caption
	case c.DocumentMessage != nil:
		return c.DocumentMessage.Caption
	case c.ButtonsResponseMessage != nil:
		return c.ButtonsResponseMessage.SelectedDisplayText
	case c.TemplateButtonReplyMessage != nil:
		return c.TemplateButtonReplyMessage.SelectedDisplayText
	case c.ListResponseMessage != nil:
		return c.ListResponseMessage.Title
	}
	for _, w := range []*baileysWrapper{c.EphemeralMessage, c.ViewOnceMessage, c.ViewOnceMessageV2, c.DocumentWithCaptionMessage} {
		if w != nil {
			return w.Message.text()
		}
	}
	return ""
}

// payloadEvolution reads the data of an Evolution API "messages.upsert" event: one
// message, or a list of them.
func payloadEvolution(data json.RawMessage) ([]Message, error) {
	var list []json.RawMessage
	if len(data) > 0 && data[0] == '[' {
		payloadDecode(data, &list)
	} else {
		list = []json.RawMessage{data}
	}
	var out []Message
	for _, raw := range list {
		var d struct {
			Key              baileysKey      `json:"key"`
			PushName         string          `json:"pushName"`
			Message          *baileysContent `json:"message"`
			MessageTimestamp payloadTime     `json:"messageTimestamp"`
		}
		payloadDecode(raw, &d)
		chat, from, group := d.Key.sender()
		if d.Key.FromMe || payloadSkipChat(chat) {
			continue
		}
		// Without a push name Evolution API puts the member's number in pushName; a number
		// is not a name.
		name := d.PushName
		if user, _, _ := strings.Cut(from, "@"); name == user {
			name = ""
		}
		if m, ok := payloadMessage(from, name, d.Message.text(), d.MessageTimestamp.t, group); ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// payloadWAHA reads the WAMessage of a WAHA "message" or "message.any" event.
func payloadWAHA(inner json.RawMessage) ([]Message, error) {
	var p struct {
		From        string      `json:"from"`
		FromMe      bool        `json:"fromMe"`
		Participant string      `json:"participant"`
		Author      string      `json:"author"`
		Body        string      `json:"body"`
		Timestamp   payloadTime `json:"timestamp"`
		Data        struct {
			NotifyName string     `json:"notifyName"`
			PushName   string     `json:"pushName"`
			Key        baileysKey `json:"key"`
			Info       struct {
				PushName string `json:"PushName"`
			} `json:"Info"`
		} `json:"_data"`
	}
	payloadDecode(inner, &p)
	if p.FromMe || payloadSkipChat(p.From) {
		return nil, nil
	}
	from, group := p.From, payloadServer(p.From) == "g.us"
	if group {
		from = p.Participant
		if from == "" {
			from = p.Author // WEBJS before participant was added
		}
	}
	// NOWEB keeps the Baileys key, whose alternatives give the phone behind a LID.
	if payloadServer(from) == "lid" {
		if _, alt, _ := p.Data.Key.sender(); payloadServer(alt) != "lid" && alt != "" {
			from = alt
		}
	}
	name := payloadFirst(p.Data.NotifyName, p.Data.PushName, p.Data.Info.PushName)
	if m, ok := payloadMessage(from, name, p.Body, p.Timestamp.t, group); ok {
		return []Message{m}, nil
	}
	return nil, nil
}

// payloadGOWA reads the payload of a go-whatsapp-web-multidevice "message" event. Its
// "from" is already the phone JID when the gateway knows the LID's number.
func payloadGOWA(inner json.RawMessage) ([]Message, error) {
	var p struct {
		ChatID    string      `json:"chat_id"`
		From      string      `json:"from"`
		FromName  string      `json:"from_name"`
		Timestamp payloadTime `json:"timestamp"`
		IsFromMe  bool        `json:"is_from_me"`
		Body      string      `json:"body"`
	}
	payloadDecode(inner, &p)
	if p.IsFromMe || payloadSkipChat(p.ChatID) || payloadSkipChat(p.From) {
		return nil, nil
	}
	if m, ok := payloadMessage(p.From, p.FromName, p.Body, p.Timestamp.t, payloadServer(p.ChatID) == "g.us"); ok {
		return []Message{m}, nil
	}
	return nil, nil
}

// payloadGOWALegacy reads the flat message of go-whatsapp-web-multidevice before
// December 2025. Its "from" is whatsmeow's source string: the sender's JID, followed by
// " in " and the group's JID in a group. It does not say whether we sent the message.
func payloadGOWALegacy(raw json.RawMessage) ([]Message, error) {
	var p struct {
		From      string      `json:"from"`
		Pushname  string      `json:"pushname"`
		Timestamp payloadTime `json:"timestamp"`
		Message   struct {
			Text string `json:"text"`
		} `json:"message"`
		Image    json.RawMessage `json:"image"`
		Video    json.RawMessage `json:"video"`
		Document json.RawMessage `json:"document"`
	}
	payloadDecode(raw, &p)
	from, chat, inGroup := strings.Cut(p.From, " in ")
	if !inGroup {
		chat = from
	}
	if strings.Contains(p.From, "broadcast") || payloadSkipChat(chat) || payloadSkipChat(from) {
		return nil, nil
	}
	text := p.Message.Text
	for _, media := range []json.RawMessage{p.Image, p.Video, p.Document} {
		if text == "" && payloadIsObject(media) {
			var c baileysCaption
			payloadDecode(media, &c)
			text = c.Caption
		}
	}
	if m, ok := payloadMessage(from, p.Pushname, text, p.Timestamp.t, payloadServer(chat) == "g.us"); ok {
		return []Message{m}, nil
	}
	return nil, nil
}

// payloadWPPConnect reads a WPPConnect Server "onmessage" event. For a photo or a file,
// wa-js puts a base64 thumbnail in "body", so only a text message's body is text; a
// media message's text is its caption.
func payloadWPPConnect(raw json.RawMessage) ([]Message, error) {
	var p struct {
		From       string      `json:"from"`
		Author     string      `json:"author"`
		FromMe     bool        `json:"fromMe"`
		IsGroupMsg bool        `json:"isGroupMsg"`
		Type       string      `json:"type"`
		Body       string      `json:"body"`
		Caption    string      `json:"caption"`
		NotifyName string      `json:"notifyName"`
		T          payloadTime `json:"t"`
		Sender     struct {
			Pushname string `json:"pushname"`
		} `json:"sender"`
	}
	payloadDecode(raw, &p)
	if p.FromMe || payloadSkipChat(p.From) {
		return nil, nil
	}
	var text string
	switch p.Type {
	case "chat", "":
		text = p.Body
	case "image", "video", "document":
		text = p.Caption
	}
	from, group := p.From, p.IsGroupMsg || payloadServer(p.From) == "g.us"
	if group {
		from = p.Author
	}
	if m, ok := payloadMessage(from, payloadFirst(p.NotifyName, p.Sender.Pushname), text, p.T.t, group); ok {
		return []Message{m}, nil
	}
	return nil, nil
}

// payloadMessage builds a webhook message; ok is false when there is no sender or no
// text.
func payloadMessage(from, name, text string, t time.Time, group bool) (Message, bool) {
	from = strings.TrimSpace(from)
	if from == "" || strings.TrimSpace(text) == "" {
		return Message{}, false
	}
	return Message{From: from, PushName: strings.TrimSpace(name), Text: text, Time: t, Group: group, Source: SourceWebhook}, true
}

// payloadSkipChat reports the chats whose messages are not from customers: status
// updates ("status@broadcast"), broadcast lists and channels ("…@newsletter").
func payloadSkipChat(jid string) bool {
	switch payloadServer(jid) {
	case "broadcast", "newsletter":
		return true
	}
	return false
}

// payloadServer returns the part of a JID after "@", in lower case.
func payloadServer(jid string) string {
	_, server, _ := strings.Cut(jid, "@")
	return strings.ToLower(strings.TrimSpace(server))
}

// payloadPreferPhone returns jid, or the first of its alternatives that is not a LID when
// jid is one.
func payloadPreferPhone(jid string, alts ...string) string {
	if payloadServer(jid) != "lid" {
		return jid
	}
	for _, a := range alts {
		if a != "" && payloadServer(a) != "lid" {
			return a
		}
	}
	return jid
}

func payloadFirst(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// payloadDecode fills what it can of v. Gateways change field types between versions and
// engines (a string here, an object there); a field of an unexpected type is left empty
// rather than failing the whole message. The body is already known to be valid JSON.
func payloadDecode(raw json.RawMessage, v any) {
	_ = json.Unmarshal(raw, v)
}

func payloadString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

func payloadIsObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}

// payloadTime is a time as gateways write it: Unix seconds or milliseconds, as a number
// or a string, or RFC 3339. Anything else, Baileys' {low, high} Long included, is no time.
type payloadTime struct{ t time.Time }

func (p *payloadTime) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		p.t = t
		return nil
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return nil
	}
	if n > 1e12 {
		p.t = time.UnixMilli(int64(n))
	} else {
		p.t = time.Unix(int64(n), 0)
	}
	return nil
}
