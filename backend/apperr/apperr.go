// Package apperr gives every error that reaches a user a kind and a stable code.
//
// The kind decides how the user interface reacts (a field message, a "not found" notice,
// a generic failure), and the code with its parameters is what the interface translates
// into the user's language. The English message exists for logs and for the CLI.
package apperr

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
)

// Kind is the broad class of an error; the interface picks its reaction from it.
type Kind string

const (
	// Invalid means the user's input was rejected; Field says which input.
	Invalid Kind = "invalid"
	// NotFound means the record the user referred to no longer exists.
	NotFound Kind = "not_found"
	// Exists means the input clashes with a stored record (a phone or a group name).
	Exists Kind = "exists"
	// Locked means the data folder is in use by another Kontak process.
	Locked Kind = "locked"
	// Internal is everything the user cannot fix by changing the input.
	Internal Kind = "internal"
)

// Error is an error with a kind, a stable code and the parameters its message needs.
type Error struct {
	Kind    Kind              `json:"kind"`
	Code    string            `json:"code"`
	Field   string            `json:"field,omitempty"`
	Message string            `json:"message"`
	Params  map[string]string `json:"params,omitempty"`
	// Err is the underlying cause, kept for errors.Is/As and for logs.
	Err error `json:"-"`
}

func (e *Error) Error() string {
	if e.Err != nil && e.Kind == Internal {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of the given kind and code with an English message.
func New(kind Kind, code, message string) *Error {
	return &Error{Kind: kind, Code: code, Message: message}
}

// OnField records which input field the error is about.
func (e *Error) OnField(field string) *Error {
	e.Field = field
	return e
}

// With adds a parameter the translated message needs, such as the name of a duplicate.
func (e *Error) With(key, value string) *Error {
	if e.Params == nil {
		e.Params = make(map[string]string, 2)
	}
	e.Params[key] = value
	return e
}

// Wrap returns an internal error that keeps err as its cause; context says what was being done.
func Wrap(err error, context string) *Error {
	return &Error{Kind: Internal, Code: "internal", Message: context, Err: err}
}

// KindOf reports the kind of err; errors that carry none are Internal.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Is reports whether err is an *Error with the given code.
func Is(err error, code string) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}

// Public turns any error into the shape the user interface receives. Errors without a
// kind become Internal ones whose message is the error text, so nothing is lost for logs.
func Public(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Kind: Internal, Code: "internal", Message: err.Error(), Err: err}
}

// Recover turns a panic in a bound method into an Internal error in *errp. Wails recovers
// panics itself but then never answers the call, which leaves the interface waiting
// forever, so every method the interface can call defers this.
func Recover(errp *error, op string) {
	if r := recover(); r != nil {
		slog.Error("panic", "op", op, "panic", r, "stack", string(debug.Stack()))
		*errp = &Error{
			Kind:    Internal,
			Code:    "internal",
			Message: op + ": unexpected failure",
			Err:     fmt.Errorf("panic: %v", r),
		}
	}
}
