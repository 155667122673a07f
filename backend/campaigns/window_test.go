package campaigns

// This file is compiled only into the tests. It is the one hook the black-box tests in
// package campaigns_test need, and it lives here because only package campaigns can set
// an unexported variable.
//
// Outputs are written a window of exportWindow recipients at a time. The tests shrink a
// window to two recipients, so that an output of a few recipients (the golden files have
// five) already crosses several windows and exercises the joins between them.
func init() { exportWindow = 2 }
