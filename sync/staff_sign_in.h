#pragma once
// Staff on the tablet: signing in online (which keeps that member's session
// token and offline PIN verifier on this device), signing in offline with
// the PIN, and signing out.
//
// Each of these takes time: sign_in_online waits on the network and on
// central's Argon2id (about half a second), and a PIN check is itself an
// Argon2id hash of about 0.2 s. Call them off the UI thread, on a connection
// of their own (an Outbox is used from one thread at a time).
#include <string>
#include <vector>

#include "sync/outbox.h"
#include "sync/server_config.h"
#include "sync/staff_records.h"

namespace oneservice::sync {

// The most a PIN verifier may ask of this tablet; a verifier asking more is
// not kept (offline sign-in is then unavailable for that member) rather than
// risking running out of memory or making the officer wait seconds.
inline constexpr unsigned long long kMaxVerifierOps = 4;
inline constexpr std::size_t kMaxVerifierMemory = 64u * 1024u * 1024u;

// POST staff/sessions with the name, the secret and (when not empty) the
// chosen PIN. On success the session token and the verifier are stored
// durably for that member (an earlier verifier of theirs is replaced; without
// a new PIN the one kept stays), and their wrong-PIN count is cleared.
SignInResult sign_in_online(Outbox& outbox, const ServerConfig& server, const std::string& name,
                            const std::string& secret, const std::string& new_pin);

// crypto_pwhash_str_verify against the verifier kept for that name. A wrong
// PIN counts before the check runs, so killing the app mid-check cannot give
// free guesses; kMaxWrongPins wrong ones lock offline sign-in for that member
// until an online sign-in, across restarts.
SignInResult sign_in_with_pin(Outbox& outbox, const std::string& name, const std::string& pin);

// Who may use a PIN on this tablet now: a verifier in force, not locked.
std::vector<StaffMember> offline_sign_ins(const Outbox& outbox);

// The UI forgets the member; the server session is ended (DELETE
// staff/sessions/current) by the sync engine's next field pass once that
// member has no queued update needing a live session, else after those are
// sent. Their session token is then wiped from the tablet once their queued
// reports are delivered too (a report carries it to name them).
void sign_out(Outbox& outbox, const std::string& name);

}  // namespace oneservice::sync
