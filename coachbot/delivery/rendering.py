"""Fitting a reply to what its adapter renders (`ports.Renders`), before every send: answers and the outbox.

Content the adapter cannot show (buttons, an image, a file) is not dropped silently: the reply goes as text
only, with a warning naming what was left out, and is refused (`Rejected`, logged by whoever sent it) when no
text is left. Hints the adapter lacks (an invite, a pin, a form, a location button) are optional by
definition (messages.Reply) and go without a word.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from coachbot import ports
from coachbot.messages import Reply
from coachbot.ports import Adapter, Lane, Renders

log = logging.getLogger(__name__)


def fit(reply: Reply, renders: Renders) -> Reply:
    """`reply` with what `renders` lacks taken out; Rejected when nothing the adapter can show is left."""
    content = {
        "buttons": bool(reply.choices) and not renders.buttons,
        "image": reply.image is not None and not renders.images,
        "file": reply.file is not None and not renders.files,
    }
    missing = [name for name, lacking in content.items() if lacking]
    if missing:
        if not reply.text.strip():
            log.warning("reply to %s refused: it renders no %s", reply.to.platform, " or ".join(missing))
            raise ports.Rejected(f"{reply.to.platform} renders no {' or '.join(missing)}")
        log.warning("reply to %s sent as text only: it renders no %s", reply.to.platform, ", ".join(missing))
        reply = replace(
            reply,
            choices=reply.choices if renders.buttons else (),
            image=reply.image if renders.images else None,
            file=reply.file if renders.files else None,
        )
    return replace(
        reply,
        invite=reply.invite if renders.invites else None,
        pin=reply.pin and renders.pins,
        form=reply.form if renders.forms else None,
        location=reply.location if renders.locations else None,
    )


class Fitted:
    """An adapter's `send` with every reply fitted first: what the outbox sender is given."""

    def __init__(self, adapter: Adapter) -> None:
        self.adapter = adapter

    async def __call__(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        return await self.adapter.send(fit(reply, self.adapter.renders), lane)
