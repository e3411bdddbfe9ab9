"""The intake: applications coming in, from the web form and from e-mail.

``submit.application_submit`` is the one way in; ``acknowledgement`` writes to the candidate
that it came; ``replacement`` lets a second submission replace the first one's documents;
``mail`` is the handler the mail floor calls for each message a person sent (with
``routing``, from the address to the vacancy, and ``attachments``, to documents).
"""
