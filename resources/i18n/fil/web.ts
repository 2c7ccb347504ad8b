<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>Intake</name>
    <message>
        <source>Orders sent to this web address are refused: {why}</source>
        <translation>Tinatanggihan ang mga order na ipinapadala sa web address na ito: {why}</translation>
    </message>
    <message>
        <source>A post to {channel} could not be read: {problem}. The sender was answered 400; ask them to fix it, or enter the order by hand.</source>
        <translation>Hindi mabasa ang isang post sa {channel}: {problem}. Sinagot ng 400 ang nagpadala; hilingin na ayusin nila ito, o ilagay ang order nang mano-mano.</translation>
    </message>
    <message>
        <source>Unreadable webhook post to {trigger}</source>
        <translation>Hindi mabasang webhook post sa {trigger}</translation>
    </message>
    <message>
        <source>the JSON is nested deeper than {levels} levels</source>
        <translation>mas malalim sa {levels} level ang JSON</translation>
    </message>
    <message>
        <source>a number in the body is too big to be a number</source>
        <translation>may numero sa body na sobrang laki para maging numero</translation>
    </message>
    <message>
        <source>the body is not valid JSON</source>
        <translation>hindi wastong JSON ang body</translation>
    </message>
    <message>
        <source>the body must be a JSON object</source>
        <translation>dapat JSON object ang body</translation>
    </message>
</context>
<context>
    <name>WebForm</name>
    <message>
        <source>Order number</source>
        <translation>Numero ng order</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Pangalan ninyo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepono</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Address para sa delivery</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Dami</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Mga tala</translation>
    </message>
    <message>
        <source>This order was not sent from the order form page (its form token is missing or wrong). Open the form again and send the order from there.</source>
        <translation>Hindi po galing sa order form page ang order na ito (wala o mali ang form token nito). Pakibuksan po ulit ang form at doon ipadala ang order.</translation>
    </message>
    <message>
        <source>This order form was opened more than {minutes} minutes ago and has expired. Reload the page, fill it in and send it again.</source>
        <translation>Binuksan po ang order form na ito mahigit {minutes} minuto na ang nakalipas at expired na. Paki-reload po ang page, punan ulit at ipadala.</translation>
    </message>
    <message>
        <source>Too many orders from this address; please wait {seconds} seconds, then send the order again.</source>
        <translation>Masyado pong maraming order mula sa address na ito; maghintay po ng {seconds} segundo, saka ipadala ulit ang order.</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Bagong order</translation>
    </message>
    <message>
        <source>Send order</source>
        <translation>Ipadala ang order</translation>
    </message>
    <message>
        <source>The form could not be read; open it again and send the order.</source>
        <translation>Hindi po mabasa ang form; pakibuksan po ulit at ipadala ang order.</translation>
    </message>
    <message>
        <source>Please fill in: {fields}.</source>
        <translation>Pakipunan po: {fields}.</translation>
    </message>
    <message>
        <source>Please shorten {fields} to at most {limit} characters.</source>
        <translation>Paikliin po ang {fields} hanggang {limit} character lang.</translation>
    </message>
    <message>
        <source>This order form was already sent; the order was received once. To send another order, open the form again.</source>
        <translation>Naipadala na po ang order form na ito; isang beses lang natanggap ang order. Para magpadala ng panibagong order, buksan po ulit ang form.</translation>
    </message>
    <message>
        <source>Thank you — the order was received.</source>
        <translation>Salamat po — natanggap na ang order.</translation>
    </message>
</context>
</TS>
