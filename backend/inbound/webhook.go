package inbound

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"kontak/backend/apperr"
)

// Error codes of the webhook. The interface translates them, so their text must never
// change; the parameters each one carries are listed beside it.
const (
	CodeWebhookPortBusy     = "webhook.port.busy"    // port, detail
	CodeWebhookPortInvalid  = "webhook.port.invalid" // port
	CodeWebhookTokenMissing = "webhook.token.missing"
	CodeWebhookRunning      = "webhook.running"
)

// Defaults of WebhookConfig.
const (
	DefaultWebhookMaxBody = 256 << 10
	DefaultWebhookRate    = 20
	DefaultWebhookBurst   = 40
)

const (
	// hookHandlerTimeout bounds one message's trip through the Handler; the server's
	// WriteTimeout is longer so that the answer still gets out.
	hookHandlerTimeout = 20 * time.Second
	hookWriteTimeout   = 30 * time.Second
)

// Handler processes one message that arrived through the webhook and returns the reply
// to send, "" for none. inbound.Service is the Handler of the app.
type Handler interface {
	Handle(ctx context.Context, m Message) (reply string, err error)
}

// WebhookConfig is how the webhook listens. Zero values of MaxBody, RatePerSecond and
// Burst mean the defaults.
type WebhookConfig struct {
	// Port is the TCP port on 127.0.0.1; 0 picks a free one (for tests).
	Port int
	// Token is the secret every request must carry. The webhook does not start without.
	Token string
	// MaxBody is the largest request body in bytes; 256 KiB by default, far above any
	// text message event and far below what would hurt.
	MaxBody int64
	// RatePerSecond and Burst shape the token bucket that all requests share: 20 a
	// second, 40 at once, by default. A gateway delivers a few messages a second; more
	// is a loop or a flood, and is refused with 429 before any work is done.
	RatePerSecond float64
	Burst         int
}

// Webhook serves POST /webhook (and POST /, and POST /webhook/… for gateways that add
// the event's name to the address) on 127.0.0.1 only, so that nothing outside the
// computer can reach it. Every request must carry the token as "Authorization: Bearer
// T", as the header "X-Kontak-Token: T" or as the query "?token=T"; the query is for
// gateways that can only be given an address. The body is read by ParsePayload, each
// message goes to the Handler, and the answer is
//
//	200 {"ok":true,"replies":[{"to":"628…@s.whatsapp.net","reply":"…"}]}
//
// with one reply per message ("" when there is none; an empty list when the event held
// no message). Errors answer {"ok":false,"code":"…","error":"…"}: 401 for a missing or
// wrong token, 404 for another path, 405 for another method, 413 for a body over
// MaxBody, 415 for a form upload, 400 for a body ParsePayload refuses, 429 when the rate
// limit is reached, and 500 when the Handler fails or panics. The Content-Type is
// otherwise not checked, because tools such as curl send JSON as a form by default.
type Webhook struct {
	cfg    WebhookConfig
	h      Handler
	bucket *hookBucket
	token  [sha256.Size]byte

	mu   sync.Mutex
	srv  *http.Server
	addr string
}

// NewWebhook returns a webhook that hands its messages to h; Start makes it listen.
func NewWebhook(cfg WebhookConfig, h Handler) *Webhook {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultWebhookMaxBody
	}
	if cfg.RatePerSecond <= 0 {
		cfg.RatePerSecond = DefaultWebhookRate
	}
	if cfg.Burst <= 0 {
		cfg.Burst = DefaultWebhookBurst
	}
	return &Webhook{
		cfg:    cfg,
		h:      h,
		bucket: newHookBucket(cfg.RatePerSecond, cfg.Burst, time.Now),
		// Tokens are compared as hashes, so that the comparison takes the same time
		// whatever the length of the guess.
		token: sha256.Sum256([]byte(cfg.Token)),
	}
}

// Start listens on 127.0.0.1:Port and serves in the background. It returns the address
// it listens on. A port that another program holds (or that the system reserves) is
// CodeWebhookPortBusy; a webhook without a token does not start.
func (w *Webhook) Start() (addr string, err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.srv != nil {
		return w.addr, apperr.New(apperr.Invalid, CodeWebhookRunning, "the webhook is already running")
	}
	if w.cfg.Token == "" {
		return "", apperr.New(apperr.Invalid, CodeWebhookTokenMissing, "the webhook needs a secret token")
	}
	port := strconv.Itoa(w.cfg.Port)
	if w.cfg.Port < 0 || w.cfg.Port > 65535 {
		return "", apperr.New(apperr.Invalid, CodeWebhookPortInvalid, "port "+port+" is not a TCP port").With("port", port)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		if hookPortTaken(err) {
			e := apperr.New(apperr.Invalid, CodeWebhookPortBusy,
				"port "+port+" is in use by another program or reserved by the system; choose another port").
				With("port", port).With("detail", err.Error())
			e.Err = err
			return "", e
		}
		return "", apperr.Wrap(err, "start the webhook")
	}
	srv := &http.Server{
		Handler:           w,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      hookWriteTimeout,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
	}
	w.srv, w.addr = srv, ln.Addr().String()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("webhook stopped", "err", err)
		}
	}()
	return w.addr, nil
}

// Stop stops listening and waits, until ctx ends, for the requests being served; then it
// closes their connections. Stopping a webhook that is not running does nothing. A
// stopped webhook can be started again.
func (w *Webhook) Stop(ctx context.Context) error {
	w.mu.Lock()
	srv := w.srv
	w.srv, w.addr = nil, ""
	w.mu.Unlock()
	if srv == nil {
		return nil
	}
	if err := srv.Shutdown(ctx); err != nil {
		_ = srv.Close()
		return apperr.Wrap(err, "stop the webhook")
	}
	return nil
}

// hookPortTaken reports a listen error that means "this port is not available": in use,
// or reserved (ports below 1024 on Unix, Hyper-V's excluded ranges on Windows). 10048
// and 10013 are Windows' WSAEADDRINUSE and WSAEACCES, which package syscall does not name
// on every system.
func hookPortTaken(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == syscall.EADDRINUSE || errno == syscall.EACCES || errno == 10048 || errno == 10013
}

type hookReply struct {
	To    string `json:"to"`
	Reply string `json:"reply"`
}

// hookAnswer is the body of a 200; hookFailure that of any other status.
type hookAnswer struct {
	OK      bool        `json:"ok"`
	Replies []hookReply `json:"replies"`
}

type hookFailure struct {
	OK    bool   `json:"ok"`
	Code  string `json:"code"`
	Error string `json:"error"`
}

// ServeHTTP answers one webhook request. Checks that cost nothing come first, so that a
// flood or a wrong token never reaches the body or the Handler.
func (w *Webhook) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			slog.Error("webhook panic", "panic", p, "stack", string(debug.Stack()))
			hookFail(rw, http.StatusInternalServerError, "internal", "the message could not be processed")
		}
	}()
	if !w.bucket.allow() {
		rw.Header().Set("Retry-After", "1")
		hookFail(rw, http.StatusTooManyRequests, "webhook.rate_limited", "too many requests; slow down")
		return
	}
	if p := r.URL.Path; p != "/" && p != "/webhook" && !strings.HasPrefix(p, "/webhook/") {
		hookFail(rw, http.StatusNotFound, "webhook.not_found", "post to /webhook")
		return
	}
	if r.Method != http.MethodPost {
		rw.Header().Set("Allow", http.MethodPost)
		hookFail(rw, http.StatusMethodNotAllowed, "webhook.method", "only POST is accepted")
		return
	}
	if !w.authorized(r) {
		rw.Header().Set("WWW-Authenticate", `Bearer realm="kontak"`)
		hookFail(rw, http.StatusUnauthorized, "webhook.unauthorized", "missing or wrong token")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); strings.HasPrefix(mt, "multipart/") {
		hookFail(rw, http.StatusUnsupportedMediaType, "webhook.content_type", "send the message as JSON, not as a form upload")
		return
	}
	if r.ContentLength > w.cfg.MaxBody {
		hookFail(rw, http.StatusRequestEntityTooLarge, "webhook.too_large", hookTooLarge(w.cfg.MaxBody))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, w.cfg.MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			hookFail(rw, http.StatusRequestEntityTooLarge, "webhook.too_large", hookTooLarge(w.cfg.MaxBody))
			return
		}
		hookFail(rw, http.StatusBadRequest, "webhook.body", "the request body could not be read")
		return
	}
	msgs, err := ParsePayload(body)
	if err != nil {
		e := apperr.Public(err)
		hookFail(rw, http.StatusBadRequest, e.Code, e.Message)
		return
	}
	replies := make([]hookReply, 0, len(msgs))
	for _, m := range msgs {
		reply, err := w.handle(r.Context(), m)
		if err != nil {
			slog.Warn("webhook handler", "from", m.From, "err", err)
			hookFail(rw, http.StatusInternalServerError, apperr.Public(err).Code, "the message could not be processed")
			return
		}
		replies = append(replies, hookReply{To: m.From, Reply: reply})
	}
	hookWrite(rw, http.StatusOK, hookAnswer{OK: true, Replies: replies})
}

// handle gives one message to the Handler; a panic in it becomes an error, so that one
// bad message costs a 500 and not the app.
func (w *Webhook) handle(ctx context.Context, m Message) (reply string, err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("webhook handler panic", "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("webhook handler panic: %v", p)
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, hookHandlerTimeout)
	defer cancel()
	return w.h.Handle(ctx, m)
}

// authorized reports whether the request carries the token in one of the three places.
func (w *Webhook) authorized(r *http.Request) bool {
	var given []string
	if scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		given = append(given, strings.TrimSpace(tok))
	}
	if tok := r.Header.Get("X-Kontak-Token"); tok != "" {
		given = append(given, tok)
	}
	if tok := r.URL.Query().Get("token"); tok != "" {
		given = append(given, tok)
	}
	ok := false
	for _, tok := range given {
		sum := sha256.Sum256([]byte(tok))
		if subtle.ConstantTimeCompare(sum[:], w.token[:]) == 1 {
			ok = true
		}
	}
	return ok
}

func hookTooLarge(max int64) string {
	return fmt.Sprintf("the body is larger than %d bytes", max)
}

func hookFail(rw http.ResponseWriter, status int, code, message string) {
	hookWrite(rw, status, hookFailure{Code: code, Error: message})
}

func hookWrite(rw http.ResponseWriter, status int, body any) {
	h := rw.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	rw.WriteHeader(status)
	_ = json.NewEncoder(rw).Encode(body)
}

// hookBucket is a token bucket: it holds up to burst tokens, gains rate tokens a second,
// and each request takes one. The webhook has one bucket for everybody, because every
// client is on this computer anyway.
type hookBucket struct {
	mu     sync.Mutex
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
	now    func() time.Time
}

func newHookBucket(rate float64, burst int, now func() time.Time) *hookBucket {
	return &hookBucket{rate: rate, burst: float64(burst), tokens: float64(burst), now: now}
}

// allow takes a token if there is one.
func (b *hookBucket) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if !b.last.IsZero() {
		if d := now.Sub(b.last); d > 0 {
			b.tokens = min(b.burst, b.tokens+d.Seconds()*b.rate)
		}
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
