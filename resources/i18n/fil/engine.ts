<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>Connections</name>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None — this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail and Google Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail needs an app password, not your normal one: Google Account → Security → 2-Step Verification → App passwords. The user name is the full email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for Gmail use an app password (Google Account → Security → App passwords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook and Microsoft 365</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft 365: your administrator must allow IMAP and SMTP sign-in for this mailbox; with two-step verification, create an app password in your Microsoft account&apos;s security settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for Microsoft 365 ask your administrator to allow IMAP/SMTP sign-in, or use an app password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo needs an app password: Account info → Account security → Generate app password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for Yahoo use an app password (Account security → Generate app password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho: switch on IMAP access in Zoho Mail&apos;s settings; with two-factor authentication, use an application-specific password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for Zoho use an application-specific password and check IMAP access is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your provider&apos;s help pages name the server, port and security to use; many need an app password rather than your normal one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the user name and password (many providers need an app password)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database address is not a URL Daloy understands; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daloy works on PostgreSQL or its own SQLite file, not on “{kind}”; write the address as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database address {url} names no {part}; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the user and password (in the URL, or saved with `daloy store password`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create the database and its user first (see the README)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check that the server runs and that this computer may reach it; Daloy tries again when started again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the database server at {where} — {detail}; {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Done in {duration}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you: {what} (since {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you: {step} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for {system}: attempt {attempt} of {attempts} at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} (next check {time}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working: {steps}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card was charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payment service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no charge was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry when the payment service works again, or cancel the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the confirmation email was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the email “{label}” was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confirmation email was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email “{label}” was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it had not been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry when the mail server works again, or skip it and write yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message was posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message “{label}” was not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it had not been posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry when the chat service works again, or skip it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the web service it calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” went through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it had not gone through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry when {service} works again, or skip it with the result it should have given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry it, skip it with the result it should have given, or cancel the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tries over {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daloy stopped while it was running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} had a problem on its side (error {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} refused it (error {code}: {said})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} refused it (error {code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice order {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice order of “{workflow}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of “{workflow}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} for {customer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} waits at “{step}”; the steps after it are on hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system it calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether {done} — check {service} before retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daloy did not try again, so nothing happens twice. If it went through, choose Skip and enter its result; if it did not, choose Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{not_done}: {cause}, {tries}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daloy checked with {service}: {nothing}. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order waits for your answer: {options}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order waits for your answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something that arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} could not be read as an order: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order was started and nobody was charged; what arrived is kept as it was. Enter the order by hand or ask the sender to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>{system} down since {time} — 1 order waiting</source>
        <translation>Down ang {system} mula {time} — 1 order ang naghihintay</translation>
    </message>
    <message>
        <source>{system} down since {time} — {count} orders waiting</source>
        <translation>Down ang {system} mula {time} — {count} order ang naghihintay</translation>
    </message>
    <message>
        <source>Overdue decision: {order}</source>
        <translation>Lampas na sa oras ang desisyon: {order}</translation>
    </message>
    <message>
        <source>Escalation: {order} still waits for a decision</source>
        <translation>Escalation: naghihintay pa rin ng desisyon ang {order}</translation>
    </message>
    <message>
        <source>“{question}” has waited since {time}; open the decision in the inbox and choose an option.</source>
        <translation>Naghihintay na ang “{question}” mula {time}; buksan ang desisyon sa inbox at pumili.</translation>
    </message>
    <message>
        <source>Could not read an order from {channel}</source>
        <translation>Hindi mabasa ang order mula sa {channel}</translation>
    </message>
    <message>
        <source>{channel} is down</source>
        <translation>Down ang {channel}</translation>
    </message>
    <message>
        <source>{step} failed after 1 attempt: {error}</source>
        <translation>Pumalya ang {step} pagkatapos ng 1 subok: {error}</translation>
    </message>
    <message>
        <source>{step} failed after {attempts} attempts: {error}</source>
        <translation>Pumalya ang {step} pagkatapos ng {attempts} subok: {error}</translation>
    </message>
    <message>
        <source>{order}: {step} — not known whether it went through</source>
        <translation>{order}: {step} — hindi alam kung natuloy</translation>
    </message>
    <message>
        <source>{order}: {step} failed</source>
        <translation>{order}: pumalya ang {step}</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First wait (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter (fraction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit per attempt (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the operator decide, e.g. substitute or backorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops this order and asks the operator a question in the exceptions inbox, with the context they need (for example the short lines) and one button per option. Each option is its own output, so the order continues down the branch that was chosen. Optional fields let the person add details (a note for the customer); a field with “choices” is a list to pick from (e.g. the products in stock, from a spreadsheet step&apos;s output.list, shown by “label_key” and saved as “value_key”), and “required_for” names the options that need it filled in. After the deadline a reminder appears, and after twice the deadline an escalation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data shown with the question (templates allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each option: {&quot;name&quot;: &quot;backorder&quot;, &quot;label&quot;: &quot;Backorder&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields to fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list of {&quot;name&quot;: ..., &quot;label&quot;: ...} the person may fill in; add &quot;choices&quot; (a list, or a template giving one) to offer a pick list, and &quot;required_for&quot;: [option names] where it must be filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If / else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go one way or the other depending on the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluates a template such as {{ steps.check_stock.output.short_lines | length &gt; 0 }} and continues down the “true” connection when it holds, otherwise down “false”. Texts “true”, “yes” and “1” count as true; “false”, “no”, “0” and empty count as false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a chain of steps once per order line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the chosen workflow once for every item of a list (for example each order line), at most “At the same time” items in parallel, and collects their results in output.results, in the order of the list. An item that fails holds only its own run (it shows in the inbox); the others go on, and this step waits until all are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow for one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call a web API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a request to a payment gateway, warehouse or other web service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends an HTTP request and waits for the answer. Every attempt carries the same Idempotency-Key header, so a service that honours it (payment gateways do) never acts twice. Server errors (5xx), throttling (429), refused connections and timeouts are retried; client errors (4xx) go to the inbox. When the request was sent but no answer came, Daloy first asks the service with the “Look-up URL” whether it went through, and only sends again when it did not. Without a Look-up URL, GET, PUT and DELETE are sent again, and an unanswered POST or PATCH goes to the inbox for a person to check. The answer is available as output.status and output.body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a saved HTTP API connection that supplies the base URL and credentials (kept in the system keyring). Its credentials are only sent to URLs under its base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full URL, or a path relative to the connection&apos;s base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as JSON; text values may use templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-up URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET this URL to find out whether an unanswered request went through (200: it did, 404: it did not). Use {{ idempotency_key }} in it. Without it, an unanswered POST or PATCH waits for a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify a chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post a message to the warehouse&apos;s chat channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts a JSON message to a chat webhook (Slack, Google Chat, Teams, Viber bots and similar accept one), so the warehouse hears about the order on the channel it already reads. The body is a template; the default sends {&quot;text&quot;: message}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom JSON body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instead of the message: any JSON body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook ignores repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick only if the webhook posts a message once per Idempotency-Key header; then an unanswered post is simply sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the shop (ship, cancel, stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a shipment with its tracking number, cancel an order, or set stock, on Shopify, WooCommerce, Shopee or Lazada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers the shop the order came from, through the connection chosen (its kind is the platform). “ship”: marks the order shipped with the tracking number and carrier, and the platform tells the buyer; an order the buyer has cancelled in the meantime is not reported shipped (the step stops and says so). “cancel”: cancels the order with the reason given. “stock”: sets the stock level of a SKU to the quantity given. Rate limits are honoured (Retry-After); a refused key goes to the inbox with what to fix. Output: action, platform, order_id and what the platform answered (result).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to tell the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shop&apos;s connection (Shopify, WooCommerce, Shopee or Lazada).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform order id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking page (address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the platform tell the buyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (cancel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify: customer, inventory, fraud, declined or other; Shopee: words with “stock” or “inventory” cancel as out of stock, others as the buyer&apos;s request; WooCommerce and Lazada keep the words as a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU (stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock level (stock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email the customer or a colleague.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends an email through an SMTP connection (SSL or STARTTLS). Subject and bodies are templates, so they can name the order and its lines. Attachments come from earlier steps&apos; data (a list of {filename, content}). Every attempt uses the same Message-ID, so a retried send is recognisable as the same message. A server that rejects the message for good (5xx) sends the order to the inbox; a server that is down is retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list of {&quot;filename&quot;: ..., &quot;content&quot;: ...}; content may use templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent folder connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the IMAP mailbox where the mail server files a copy of every sent message. When a send&apos;s outcome is unknown, Daloy looks there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up in a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find rows (stock, prices) in an Excel or CSV sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens an Excel (.xlsx) or CSV file and finds the row whose key column holds the given value, e.g. the SKU in an inventory sheet. The key may also be a list (every SKU of the order): then output.rows maps each key to its row and output.missing lists keys that were not found. With items to check, each line is split into what can go now (output.ready, its amount cut to the stock) and what cannot (output.later, the missing amount), and output.ready_total prices what can go now. “List every row” gives output.list instead: the rows (e.g. products) holding at least “At least” in the available column, for a person to choose from. A relative file path is read in the data folder (samples/inventory.xlsx). A sheet open in Excel is retried after asking to close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A relative path is read in the data folder, e.g. samples/inventory.xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: the first sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key (or list of keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or: items to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list of objects (order lines); each is looked up by its key field and its amount compared with the available column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key field of an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount field of an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With items: lines asking for more than this column holds are listed in output.short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price field of an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With items: the price of a line that has no price field of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or: list every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives output.list, every row in sheet order (e.g. products to choose from); with an available column, only rows holding at least “At least”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With “List every row” and an available column: the smallest amount a row must hold (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With “List every row”: keys not to list (the product that ran out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change cells, e.g. take sold items off the stock count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each item of a list (usually the order lines), finds the row by its key and changes one column: subtract the item&apos;s amount (stock), add it, or set it. The file is written to a temporary file and then swapped in, so a crash never leaves a half-written sheet. With “Never below”, a change that would leave a cell under it changes nothing and asks a person instead (stock never goes negative). A relative file path is read in the data folder. A sheet open in Excel is retried after asking to close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subtract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse the whole change (nothing is written) if a cell would end up below this, e.g. 0 so stock never goes negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read or write a database (accounting, POS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs one SQL statement against a database connection. Values go in as named parameters (:sku in the statement, and sku in Parameters) and are always bound, never pasted into the SQL, so order data cannot change the statement. A SELECT returns output.rows; other statements return output.rowcount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run another workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start another workflow and wait for its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a run of another workflow with the given input (its trigger) and waits until it finishes; its steps&apos; outputs become this step&apos;s output.results[0]. If the other run needs a person, this order waits too, and both show in the inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build new data from the order and earlier steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets named fields from templates, such as a total from the order lines or a customer&apos;s full name, so later steps can use them as steps.&lt;this step&gt;.output. A value that is exactly one {{ expression }} keeps its type (a number stays a number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An object of field names and values; text values may use templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause for a while or until a given time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pauses this order for a number of seconds, or until a date and time computed from a template (ISO format, e.g. {{ trigger.order.ship_date }}T08:00). The wait is stored, so it survives restarts and the PC sleeping; other orders go on meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (date and time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started from Daloy or the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each new email in a mailbox becomes an order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read “Key: value” lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order lines from attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when down for (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use IMAP IDLE when offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest wait between reconnects (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook / web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hmac</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a public order form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form orders per minute from one address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form page is good for (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New orders from a marketplace or shop system&apos;s API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the orders are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated-at field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages per check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on a timetable (cron).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>There is no Daloy database at {path}; name the data folder to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace&apos;s database is at version {version}, this Daloy&apos;s is {head}: open it once with this Daloy (it is updated on opening), then copy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {url} already holds data (table {table} is not empty), so nothing was copied: copy into a new, empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to a PostgreSQL database (postgresql://…), not to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {table} differs after copying ({got} rows, {rows} expected, or other values), so nothing was copied. Please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy failed and was rolled back; nothing was copied: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Triggers</name>
    <message>
        <source>Runs started by hand, from the command line or from a practice run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watches a mailbox over IMAP (IDLE where possible) and turns each new message into an order: fields from the subject and “Key: value” lines, order lines from an attached CSV or Excel file. Messages are marked read (or moved) only after the order is safely stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders posted by a website, or typed into Daloy&apos;s order form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepts orders as JSON posts to /hook/&lt;workflow&gt;/&lt;trigger&gt;, authenticated by “Authorization: Bearer &lt;token&gt;” or, with hmac, by “X-Daloy-Signature: t=&lt;unix time&gt;,v2=&lt;hex&gt;”: the HMAC-SHA256, keyed by the token, of “&lt;t&gt;.&lt;Idempotency-Key header, or nothing&gt;.&lt;body&gt;”. Each signature is accepted once, within five minutes. Answers 2xx only after the order is stored. With “Offer an order form”, anyone who can reach /form/&lt;workflow&gt;/&lt;trigger&gt; can type in an order: each page carries a one-use token, posts are limited per address, and such orders are marked as from the public form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polls a marketplace&apos;s REST API for new or changed orders, page by page, and advances its cursor only after the orders are stored. Honours Retry-After.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a run on a cron timetable (minute hour day month weekday). Runs missed while the PC was off or asleep are folded into one run and noted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>“{key}” is not a retry setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be yes or no (true/false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be one of: {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a set of names, each with a text or template value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must list at least one option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}”: each option needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be an ordinary number (not NaN, Infinity or that large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be at least {minimum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be at most {maximum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a setting of this step type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix}“{label}” holds a number that is NaN, Infinity or too large; use an ordinary number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “{step}”, setting “{field}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “{step}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow, setting “{field}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow could not be checked completely ({error}), so it cannot take orders yet. Fix the problems listed, or send the workflow file to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two steps are called “{name}”; step names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step name must start with a letter and use only small letters, digits and _ (it is used in templates as steps.&lt;name&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step name “{name}” cannot be used: in a template, steps.{name} means something built in, not this step. Rename it, for example to “{name}_step”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps form a loop: {loop}. A run would wait for ever; remove one connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its place on the canvas is not an ordinary number; move the step to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown step type “{type}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection points to a step “{step}” that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step cannot be connected to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection leaves from an output “{port}” this step does not have (it has: {ports}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two identical connections exist; remove one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workflow has no steps yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two triggers have the id “{id}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger “{id}”: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown trigger type “{type}” (trigger “{id}”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix}“{label}” names the connection “{connection}”, which does not exist. Add it under Connections, or choose one that exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be an ordinary number (not NaN or Infinity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template refers to a step “{step}” that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template uses the output of step “{step}”, which does not run before this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing leads into this step, so it would start on its own with every order, beside the start “{start}”. Connect it after the step it should follow, or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders that leave by “{port}” go nowhere: they would end here and never reach {steps}. Connect “{port}” to the step that should follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders that leave by “{port}” end here. If that is not meant, connect it to the step that should follow.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
