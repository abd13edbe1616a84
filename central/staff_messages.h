#pragma once
// Every message about staff accounts a person can see (the command line, the
// sign-in and staff endpoints), in one place for the translator. None holds
// a name, a secret or anything else a member of staff typed.
namespace oneservice::central::staff_messages {

// Accounts (the store and the command line).
inline constexpr const char* kNameRequired = "A member of staff needs a name.";
inline constexpr const char* kNameTooLong = "A staff name can be at most 100 characters.";
inline constexpr const char* kNameNotText =
    "A staff name must be plain UTF-8 text with no line breaks or spaces at either end.";
inline constexpr const char* kTeamNotText = "A team must be plain UTF-8 text of at most 100 characters.";
inline constexpr const char* kNameTaken = "There is already a member of staff with that name: choose another.";
inline constexpr const char* kSecretTooShort = "A secret must be at least 12 characters long.";
inline constexpr const char* kSecretTooLong = "A secret can be at most 256 characters long.";
inline constexpr const char* kSecretNotText = "A secret must be UTF-8 text on one line.";
inline constexpr const char* kNoSuchStaff = "There is no member of staff with that name.";
inline constexpr const char* kNoWorkingStaff = "There is no working account with that name.";

// The staff command line (central/cli/staff_command.cpp).
inline constexpr const char* kAddNeeds = "staff add needs --name NAME and --role officer, helper or manager";
inline constexpr const char* kDisableNeedsName = "staff disable needs the member of staff's name, as staff list shows it";
inline constexpr const char* kResetNeedsName = "staff reset needs the member of staff's name, as staff list shows it";
inline constexpr const char* kNoSecretOnStdin = "--secret-stdin was given but standard input held no line";
inline constexpr const char* kStaffTakes = "staff takes add, list, disable or reset";
inline constexpr const char* kAccountMade = "Account made.";
inline constexpr const char* kSecretShownOnce =
    "The secret is shown only now: give it to them in person; they sign in with their name and this secret.";
inline constexpr const char* kAccountDisabledDone =
    "Account disabled: its sessions have ended and its offline PINs are withdrawn.";
inline constexpr const char* kSecretResetDone =
    "New secret set: their sessions have ended and their offline PINs are withdrawn.";

// Sign-in and staff endpoints.
inline constexpr const char* kWrongNameOrSecret = "The name or secret is not right: check both and try again";
inline constexpr const char* kAccountDisabled = "This account is no longer active: ask your manager";
inline constexpr const char* kSignInFieldsMissing = "Signing in needs the name and the secret";
inline constexpr const char* kPinRules =
    "An offline PIN must be 6 to 8 digits, not one digit repeated and not a run like 123456";
inline constexpr const char* kPinNotHere = "An offline PIN can only be kept on a field or assisted-service device";
inline constexpr const char* kDeviceKeyRefused =
    "This device's api_key is missing, unknown or revoked: ask the council for a key";
inline constexpr const char* kNotSignedIn = "Sign in first: this needs a member of staff's session";
inline constexpr const char* kSessionEnded = "Your sign-in has ended: sign in again";
inline constexpr const char* kRoleNotAllowed = "Your role cannot do this: ask your manager";
inline constexpr const char* kNotUtf8 = "The sign-in holds text that is not UTF-8: send all text as UTF-8";

// Who made a report (POST requests).
inline constexpr const char* kReportedForValues = "reported_for must be resident or anonymous";
inline constexpr const char* kAssistedViaValues = "assisted_via must be phone or in_person";
inline constexpr const char* kProvenanceOnlyAssisted =
    "reported_for and assisted_via are for the assisted service's devices only";
inline constexpr const char* kAnonymousWithContact =
    "A report made anonymously cannot carry the resident's name, email or phone: remove them or "
    "report it on the resident's behalf";
inline constexpr const char* kUnknownStaffSession =
    "This device has no such staff sign-in: sign in again, or send the report without Authorization";

}  // namespace oneservice::central::staff_messages
