"""Webhook handler: records failed deliveries and decides what to do with each."""

RETRYABLE = {130429, 131000, 131056}
NEEDS_TEMPLATE = 131047


def handle_status(status: dict) -> str:
    if status.get("status") != "failed":
        return "ok"
    for error in status.get("errors", []):
        code = error.get("code")
        if code == NEEDS_TEMPLATE:
            return "send-template"
        if code in RETRYABLE:
            return "retry"
        if code == 131026:
            return "contact-user-elsewhere"
    return "give-up"


def handle_webhook(body: dict) -> list[str]:
    results = []
    for entry in body.get("entry", []):
        for change in entry.get("changes", []):
            for status in change.get("value", {}).get("statuses", []):
                results.append(handle_status(status))
    return results
