package inbound

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kontak/backend/apperr"
)

// Error codes of the chat export reader. The interface translates them, so their text must
// never change; the parameters each one carries are listed beside it.
const (
	CodeChatFileEmpty        = "chat.file.empty"
	CodeChatFileUnrecognized = "chat.file.unrecognized"
	CodeChatFileLineTooLong  = "chat.file.line_too_long" // line, max
)

// Layouts and date orders of a chat export, as ChatExport names them.
const (
	LayoutAndroid = "android"
	LayoutIOS     = "ios"

	DateOrderDMY = "dmy"
	DateOrderMDY = "mdy"
	DateOrderYMD = "ymd"
)

// chatMaxLine is the longest line an export may have. A chat message is rarely longer
// than a few kilobytes; a longer line is a file that is not a chat export, and reading it
// whole would let one dropped file take all the memory.
const chatMaxLine = 1 << 20

// ChatExport is what a WhatsApp "Export chat" file holds.
type ChatExport struct {
	// Messages are the messages people wrote, in file order, with Source "chat-export".
	Messages []Message
	// Layout is LayoutAndroid ("31/12/20 21.41 - Name: text") or LayoutIOS
	// ("[31/12/20 21.41.05] Name: text"), whichever most message lines use.
	Layout string
	// DateOrder is how the file writes dates: DateOrderDMY, DateOrderMDY or DateOrderYMD.
	DateOrder string
	// Group is true when the export is of a group chat; every message then has Group set.
	Group bool
	// Skipped counts what was not a message: system lines (encryption notices, "X added
	// Y", security code changes), deleted messages, messages without text, and lines
	// before the first message.
	Skipped int
}

// ReadChatExport reads a WhatsApp "Export chat" .txt file, streaming it line by line. The
// times in the file carry no zone; they are read as the local time of this computer,
// which is normally the zone of the phone that exported them.
//
// Both layouts are read in the English and Indonesian locales: dates with "/", "." or
// "-", two- or four-digit years, 12- or 24-hour times with ":" or "." between the parts,
// and AM/PM written "PM", "pm", "p.m." or "p. m.", after a space, a no-break space or a
// narrow no-break space (U+202F). Whether "01/02/20" is the 1st of February or the 2nd
// of January is decided once for the whole file: a line whose first number is above 12
// proves day-first, one whose second number is, month-first; when lines disagree the
// order that fits the most lines wins, and a file where every date fits both is read
// day-first, as Indonesian and most other locales write it. A year-first date is always
// year-month-day.
//
// A message continues on the lines that follow it until the next dated line; they are
// joined with "\n". The marks WhatsApp puts around names and numbers (U+200E, U+202A…)
// are removed from senders, and a sender written as a phone number goes to From, any
// other to PushName (From is then ""). Media placeholders ("<Media omitted>", "<Media
// tidak disertakan>", "image omitted", "<attached: …>") are kept as messages with their
// text, so that the pipeline sees the customer and can tell them apart with
// [MediaPlaceholder]; "<This message was edited>" and "<Pesan ini diedit>" are removed
// from the end of a text.
//
// A file without any line, a byte-order mark aside, is chat.file.empty; a file without
// a single dated line is chat.file.unrecognized; a line over 1 MiB stops the read with
// chat.file.line_too_long. All three are *apperr.Error of kind Invalid.
func ReadChatExport(r io.Reader) (ChatExport, error) {
	return ReadChatExportIn(r, time.Local)
}

// ReadChatExportIn is ReadChatExport with the zone the file's times are read in; tests
// and the CLI use it to get the same times on every machine.
func ReadChatExportIn(r io.Reader, loc *time.Location) (ChatExport, error) {
	if loc == nil {
		loc = time.Local
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), chatMaxLine)
	var p chatParser
	n, blank := 0, true
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if !utf8.ValidString(line) {
			line = strings.ToValidUTF8(line, "\uFFFD")
		}
		if blank && strings.TrimSpace(line) != "" {
			blank = false
		}
		p.line(n, line)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return ChatExport{}, errChatLineTooLong(n + 1)
		}
		return ChatExport{}, apperr.Wrap(err, "read chat export")
	}
	if blank {
		return ChatExport{}, apperr.New(apperr.Invalid, CodeChatFileEmpty, "the chat file is empty")
	}
	if len(p.stamps) == 0 {
		return ChatExport{}, apperr.New(apperr.Invalid, CodeChatFileUnrecognized,
			"the file is not a WhatsApp chat export: no line starts with a date and a time")
	}
	return p.finish(loc), nil
}

func errChatLineTooLong(line int) error {
	return apperr.New(apperr.Invalid, CodeChatFileLineTooLong,
		fmt.Sprintf("line %d is longer than %d bytes; the file is probably not a chat export", line, chatMaxLine)).
		With("line", strconv.Itoa(line)).With("max", strconv.Itoa(chatMaxLine))
}

// MediaPlaceholder reports whether a chat export message is only the placeholder WhatsApp
// writes for a photo, video, sticker, voice note or file, in English or Indonesian, on
// Android or iOS. Such a message tells who wrote, but not what: there is no text to match
// a keyword or find a name in.
func MediaPlaceholder(text string) bool {
	t := strings.ToLower(strings.TrimSpace(chatStripMarks(text)))
	switch {
	case t == "<media omitted>", t == "<media tidak disertakan>":
		return true
	case strings.HasPrefix(t, "<attached: "), strings.HasPrefix(t, "<terlampir: "):
		return true
	case strings.HasSuffix(t, "(file attached)"), strings.HasSuffix(t, "(file terlampir)"):
		return true
	}
	// iOS: "image omitted", "gambar tidak disertakan", "report.pdf • 3 pages document omitted".
	rest, ok := strings.CutSuffix(t, " omitted")
	if !ok {
		rest, ok = strings.CutSuffix(t, " tidak disertakan")
	}
	if !ok {
		return false
	}
	for _, kind := range chatMediaKinds {
		if rest == kind || strings.HasSuffix(rest, " "+kind) {
			return true
		}
	}
	return false
}

// chatMediaKinds are the words before "omitted" / "tidak disertakan" in iOS exports.
var chatMediaKinds = []string{
	"image", "video", "audio", "sticker", "gif", "document", "contact card",
	"gambar", "foto", "stiker", "dokumen", "kartu kontak",
}

// chatMarks are the invisible characters WhatsApp writes around names, numbers and
// generated text: the left-to-right and right-to-left marks, the directional embeddings
// and isolates, and a byte-order mark.
const chatMarks = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

// chatStripMarks removes the chatMarks wherever they are.
func chatStripMarks(s string) string {
	if !strings.ContainsAny(s, chatMarks) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(chatMarks, r) {
			return -1
		}
		return r
	}, s)
}

// chatStampRe matches the date and time that start a message line, "[" included on iOS.
// Blanks may be spaces, no-break spaces or narrow no-break spaces; Android writes U+202F
// before AM/PM since 2023.
var chatStampRe = regexp.MustCompile(
	`^(\[?)(\d{1,4})([./-])(\d{1,2})([./-])(\d{1,4}),?[ \x{a0}\x{202f}]+` +
		`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\.?` +
		`(?:[ \x{a0}\x{202f}]*([aApP])\.?[ \x{a0}\x{202f}]*[mM]\.?)?`)

// chatStamp is a line's date and time as written; which number is the day is only known
// once the whole file is read.
type chatStamp struct {
	a, b, c        int // the three numbers of the date, in file order
	aLen, cLen     int // their digit counts, which tell a year
	hour, min, sec int
	ampm           byte // 'a', 'p' or 0
	ios            bool
}

// chatEntry is a message being read: its first line and the lines that continue it.
type chatEntry struct {
	line   int
	stamp  chatStamp
	author string
	text   strings.Builder
}

// chatMsg is a message whose lines are all read.
type chatMsg struct {
	line   int
	stamp  chatStamp
	author string
	text   string
}

type chatParser struct {
	stamps    []chatStamp // of every dated line, system lines too: more evidence for the date order
	msgs      []chatMsg
	cur       *chatEntry
	inSystem  bool // the lines being read continue a system line
	skipped   int
	groupHint bool // a system line speaks of a group
}

func (p *chatParser) line(n int, line string) {
	if st, rest, ok := chatParseStamp(strings.TrimLeft(line, chatMarks)); ok {
		p.flush()
		p.stamps = append(p.stamps, st)
		author, text, ok := chatSplitAuthor(rest)
		if !ok {
			p.system(rest)
			return
		}
		p.cur = &chatEntry{line: n, stamp: st, author: author}
		p.cur.text.WriteString(text)
		return
	}
	switch {
	case p.cur != nil:
		p.cur.text.WriteByte('\n')
		p.cur.text.WriteString(line)
	case p.inSystem:
		// A multi-line system line, such as a new group description.
	case strings.TrimSpace(line) != "":
		p.skipped++ // text before the first dated line
	}
}

// system counts a system line and notes whether it shows the chat is a group: "created
// group", "Messages to this group…", "membuat grup", "keluar dari grup".
func (p *chatParser) system(text string) {
	p.skipped++
	p.inSystem = true
	if l := strings.ToLower(text); strings.Contains(l, "group") || strings.Contains(l, "grup") {
		p.groupHint = true
	}
}

// flush ends the message being read: a notice WhatsApp wrote under someone's name, a
// deleted message or an empty one is counted as skipped, anything else is kept.
func (p *chatParser) flush() {
	e := p.cur
	p.cur, p.inSystem = nil, false
	if e == nil {
		return
	}
	raw := e.text.String()
	text := chatCleanText(raw)
	// iOS marks all text that WhatsApp generated, system notices and attachments alike,
	// with a left-to-right mark in front; typed text never starts with one.
	generated := strings.HasPrefix(raw, "\u200e") && !MediaPlaceholder(text)
	if generated || text == "" || chatSystemText(text) {
		p.system(text)
		p.inSystem = false
		return
	}
	p.msgs = append(p.msgs, chatMsg{line: e.line, stamp: e.stamp, author: e.author, text: text})
}

func (p *chatParser) finish(loc *time.Location) ChatExport {
	p.flush()
	order, dm := chatDateOrder(p.stamps)
	ios := 0
	for _, s := range p.stamps {
		if s.ios {
			ios++
		}
	}
	out := ChatExport{Layout: LayoutAndroid, DateOrder: order, Skipped: p.skipped}
	if 2*ios > len(p.stamps) {
		out.Layout = LayoutIOS
	}
	authors := make(map[string]bool)
	for _, m := range p.msgs {
		authors[m.author] = true
	}
	// Two people talk in a private chat, the exporter and the other one. A group may have
	// only two speakers, but then its export nearly always has a group system line.
	out.Group = p.groupHint || len(authors) > 2
	out.Messages = make([]Message, 0, len(p.msgs))
	for _, m := range p.msgs {
		msg := Message{
			Text:   m.text,
			Time:   m.stamp.time(dm, loc),
			Group:  out.Group,
			Source: SourceChatExport,
			Line:   m.line,
		}
		if chatLooksLikePhone(m.author) {
			msg.From = m.author
		} else {
			msg.PushName = m.author
		}
		out.Messages = append(out.Messages, msg)
	}
	return out
}

// chatParseStamp reads the date and time at the start of a line and returns what follows
// the " - " (Android) or "] " (iOS) after them.
func chatParseStamp(line string) (chatStamp, string, bool) {
	m := chatStampRe.FindStringSubmatch(line)
	if m == nil || m[3] != m[5] {
		return chatStamp{}, "", false
	}
	st := chatStamp{ios: m[1] == "[", aLen: len(m[2]), cLen: len(m[6])}
	// A date is d-m-y, m-d-y or y-m-d; anything else is a number that happens to start
	// a continuation line.
	if !(st.aLen == 4 && st.cLen <= 2 || st.aLen <= 2 && (st.cLen == 2 || st.cLen == 4)) {
		return chatStamp{}, "", false
	}
	st.a, _ = strconv.Atoi(m[2])
	st.b, _ = strconv.Atoi(m[4])
	st.c, _ = strconv.Atoi(m[6])
	st.hour, _ = strconv.Atoi(m[7])
	st.min, _ = strconv.Atoi(m[8])
	if m[9] != "" {
		st.sec, _ = strconv.Atoi(m[9])
	}
	if m[10] != "" {
		st.ampm = m[10][0] | 0x20 // lower case
	}
	rest := line[len(m[0]):]
	if st.ios {
		r, ok := strings.CutPrefix(rest, "]")
		if !ok {
			return chatStamp{}, "", false
		}
		return st, strings.TrimPrefix(r, " "), true
	}
	r := strings.TrimLeft(rest, " \u00a0\u202f")
	if len(r) == len(rest) {
		return chatStamp{}, "", false
	}
	for _, dash := range []string{"- ", "– "} {
		if after, ok := strings.CutPrefix(r, dash); ok {
			return st, after, true
		}
	}
	return chatStamp{}, "", false
}

// chatSplitAuthor splits "Name: text" into the cleaned sender and the text. A line
// without ": " is a system line ("You were added", "Budi left"); so is one whose "sender"
// has quotes in it, which is a system line that quotes a group name with a colon in it
// (`Budi created group "Promo: Mei"`).
func chatSplitAuthor(rest string) (author, text string, ok bool) {
	author, text, ok = strings.Cut(rest, ": ")
	if !ok {
		// An editor that strips trailing blanks turns "Name: " before a message that
		// starts on the next line into "Name:".
		author, ok = strings.CutSuffix(rest, ":")
		text = ""
	}
	if !ok || strings.ContainsAny(author, "\"“”") {
		return "", "", false
	}
	author = strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(chatStripMarks(author)))
	if author == "" {
		return "", "", false
	}
	return author, text, true
}

// chatEditedMarks are what WhatsApp appends to an edited message.
var chatEditedMarks = []string{"<This message was edited>", "<Pesan ini diedit>"}

// chatCleanText removes the marks and blanks around a message and the edited mark after it.
func chatCleanText(s string) string {
	s = strings.TrimSpace(s)
	for _, mark := range chatEditedMarks {
		if t, ok := strings.CutSuffix(s, mark); ok {
			s = strings.TrimRight(t, " \u200e")
		}
	}
	return strings.TrimSpace(strings.TrimLeft(s, chatMarks))
}

// chatSystemPrefixes are the starts, in lower case, of the notices WhatsApp writes into a
// chat under a name (iOS puts the group's or contact's name before them), in English and
// Indonesian.
var chatSystemPrefixes = []string{
	"messages and calls are end-to-end encrypted",
	"messages to this group are now secured with end-to-end encryption",
	"messages you send to this group are now secured with end-to-end encryption",
	"messages to this chat and calls are now secured with end-to-end encryption",
	"your security code with ",
	"this business uses a secure service",
	"your business uses a secure service",
	"pesan dan panggilan terenkripsi",
	"pesan dan telepon terenkripsi",
	"pesan dan panggilan kini terenkripsi",
	"kode keamanan anda dengan ",
	"bisnis anda menggunakan layanan",
	"kini bisnis anda menggunakan layanan",
}

// chatEmptyTexts are whole texts that stand for a message without content: a deleted
// one, or the literal "null" some Android exports write in its place.
var chatEmptyTexts = []string{
	"this message was deleted",
	"you deleted this message",
	"pesan ini dihapus",
	"pesan ini telah dihapus",
	"pesan telah dihapus",
	"anda menghapus pesan ini",
	"null",
}

func chatSystemText(text string) bool {
	l := strings.ToLower(text)
	for _, p := range chatSystemPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	l = strings.TrimRight(l, ".")
	for _, e := range chatEmptyTexts {
		if l == e {
			return true
		}
	}
	return false
}

// chatLooksLikePhone reports whether a sender is written as a phone number, which is how
// an export names a sender who is not in the exporter's contacts: "+62 812-3456-7890".
func chatLooksLikePhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digits >= 6 && digits <= 15
}

// chatDateOrder decides the file's date order and, for the lines that are not year-first,
// which of day-first or month-first to read them with.
func chatDateOrder(stamps []chatStamp) (order, dm string) {
	var ymd, dmy, mdy int
	for _, s := range stamps {
		if s.aLen == 4 {
			ymd++
			continue
		}
		if s.a >= 1 && s.a <= 31 && s.b >= 1 && s.b <= 12 {
			dmy++
		}
		if s.a >= 1 && s.a <= 12 && s.b >= 1 && s.b <= 31 {
			mdy++
		}
	}
	dm = DateOrderDMY
	if mdy > dmy {
		dm = DateOrderMDY
	}
	if 2*ymd > len(stamps) {
		return DateOrderYMD, dm
	}
	return dm, dm
}

// time returns the stamp as a time in loc, or the zero time when it is not a real date
// and time (31/02, 25:00). A 12-hour time whose hour is above 12 is taken as a 24-hour
// one: some exports write "13:37 p.m.".
func (s chatStamp) time(dm string, loc *time.Location) time.Time {
	var y, m, d int
	switch {
	case s.aLen == 4:
		y, m, d = s.a, s.b, s.c
	case dm == DateOrderMDY:
		m, d, y = s.a, s.b, s.c
	default:
		d, m, y = s.a, s.b, s.c
	}
	if s.aLen != 4 && s.cLen == 2 {
		y += 2000 // WhatsApp is younger than 2000
	}
	h := s.hour
	switch {
	case s.ampm == 'p' && h < 12:
		h += 12
	case s.ampm == 'a' && h == 12:
		h = 0
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || s.min > 59 || s.sec > 59 {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, h, s.min, s.sec, 0, loc)
	if t.Day() != d {
		return time.Time{}
	}
	return t
}

// chatSniffBytes and chatSniffLines bound what SniffChatExport reads.
const (
	chatSniffBytes = 64 << 10
	chatSniffLines = 3
)

// SniffChatExport tells, from the start of a file only, whether it is a WhatsApp "Export
// chat" file: one of its first three non-blank lines starts with a message date and time
// as ReadChatExport reads them. It reads at most 64 KiB, so that a dropped file can be
// routed to the chat import or to the contact import without reading it whole. A CSV
// whose first column is a date does not match: a chat line needs " - " or "[…]" around
// its time.
func SniffChatExport(r io.Reader) bool {
	sc := bufio.NewScanner(io.LimitReader(r, chatSniffBytes))
	sc.Buffer(make([]byte, 0, 4<<10), chatSniffBytes)
	seen := 0
	for sc.Scan() && seen < chatSniffLines {
		line := strings.TrimLeft(sc.Text(), chatMarks)
		if strings.TrimSpace(line) == "" {
			continue
		}
		seen++
		if _, _, ok := chatParseStamp(line); ok {
			return true
		}
	}
	return false
}
