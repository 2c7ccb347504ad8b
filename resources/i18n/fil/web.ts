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
    <message>
        <source>An order sent with the order form of {channel} could not be read (it is not text the form sends). The customer was asked to send it again; what arrived is kept here.</source>
        <translation>Hindi mabasa ang isang order na ipinadala gamit ang order form ng {channel} (hindi ito tekstong ipinapadala ng form). Hiniling sa customer na ipadala ulit; nakatabi rito ang dumating.</translation>
    </message>
    <message>
        <source>Unreadable order form post to {trigger}</source>
        <translation>Hindi mabasang post ng order form sa {trigger}</translation>
    </message>
</context>
<context>
    <name>WebForm</name>
    <message>
        <source>Your name</source>
        <translation>Pangalan ninyo</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Email (if you want a confirmation)</source>
        <translation>Email (kung gusto ninyo ng kumpirmasyon)</translation>
    </message>
    <message>
        <source>Notes for the shop (optional)</source>
        <translation>Paalala para sa tindahan (hindi kailangan)</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Mga produkto</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkto</translation>
    </message>
    <message>
        <source>Please shorten “{field}” to at most {limit} characters.</source>
        <translation>Paikliin po ang “{field}” sa hindi hihigit sa {limit} character.</translation>
    </message>
    <message>
        <source>Please fill in “{field}”.</source>
        <translation>Pakipunan po ang “{field}”.</translation>
    </message>
    <message>
        <source>“{email}” does not look like an email address (like name@example.com). Correct it, or leave the box empty.</source>
        <translation>Mukhang hindi email address ang “{email}” (gaya ng pangalan@example.com). Pakiayos po, o iwanang blangko.</translation>
    </message>
    <message>
        <source>“{phone}” does not look like a phone number. Type the number the courier can call, like 0917 123 4567.</source>
        <translation>Mukhang hindi phone number ang “{phone}”. I-type po ang numerong matatawagan ng courier, gaya ng 0917 123 4567.</translation>
    </message>
    <message>
        <source>Product {row}: choose a product from the list.</source>
        <translation>Produkto {row}: pumili po ng produkto sa listahan.</translation>
    </message>
    <message>
        <source>Product {row}: the quantity must be a whole number from 1 to {most} (it says “{qty}”).</source>
        <translation>Produkto {row}: dapat buong numero mula 1 hanggang {most} ang dami (ang nakalagay ay “{qty}”).</translation>
    </message>
    <message>
        <source>Please choose at least one product.</source>
        <translation>Pumili po ng kahit isang produkto.</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Address para sa delivery</translation>
    </message>
    <message>
        <source>Order from {shop}</source>
        <translation>Umorder sa {shop}</translation>
    </message>
    <message>
        <source>Choose what you want, tell us where to deliver it and press “Send order”.</source>
        <translation>Piliin po ang gusto ninyo, sabihin kung saan ide-deliver, at pindutin ang “Ipadala ang order”.</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Pakitingnan po:</translation>
    </message>
    <message>
        <source>Add more products</source>
        <translation>Magdagdag ng produkto</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Product {row}</source>
        <translation>Produkto {row}</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>Product code</translation>
    </message>
    <message>
        <source>— choose a product —</source>
        <translation>— pumili ng produkto —</translation>
    </message>
    <message>
        <source>{product} — out of stock</source>
        <translation>{product} — ubos na</translation>
    </message>
    <message>
        <source>Total: {amount} at today&apos;s prices, if everything is in stock.</source>
        <translation>Kabuuan: {amount} sa presyo ngayon, kung may stock ang lahat.</translation>
    </message>
    <message>
        <source>{shop} checks that everything is in stock. If something is missing, the shop contacts you at {phone}.</source>
        <translation>Titingnan ng {shop} kung may stock ang lahat. Kung may kulang, kokontakin kayo ng tindahan sa {phone}.</translation>
    </message>
    <message>
        <source>Then your order is packed and sent to the address you gave.</source>
        <translation>Pagkatapos, ihahanda ang order ninyo at ipapadala sa address na ibinigay ninyo.</translation>
    </message>
    <message>
        <source>You pay when it arrives.</source>
        <translation>Magbabayad kayo pagdating nito.</translation>
    </message>
    <message>
        <source>A confirmation is emailed to {email}.</source>
        <translation>May kumpirmasyong ipapadala sa email na {email}.</translation>
    </message>
    <message>
        <source>Keep your order number {number} for when you contact {shop} about it.</source>
        <translation>Itabi po ang order number ninyong {number} para sa pakikipag-ugnayan sa {shop} tungkol dito.</translation>
    </message>
    <message>
        <source>Order {number} received</source>
        <translation>Natanggap ang order {number}</translation>
    </message>
    <message>
        <source>Thank you! Your order number is {number}.</source>
        <translation>Salamat po! Ang order number ninyo ay {number}.</translation>
    </message>
    <message>
        <source>You ordered</source>
        <translation>Ang inorder ninyo</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Ano ang susunod</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Dami</translation>
    </message>
    <message>
        <source>This order was not sent from the order form page (its form token is missing or wrong). Open the form again and send the order from there.</source>
        <translation>Hindi po galing sa order form page ang order na ito (wala o mali ang form token nito). Pakibuksan po ulit ang form at doon ipadala ang order.</translation>
    </message>
    <message>
        <source>This order form was opened more than {minutes} minutes ago and has expired. Check what you typed below and send the order again.</source>
        <translation>Binuksan po ang order form na ito mahigit {minutes} minuto na ang nakalipas at expired na. Pakitingnan po ang inilagay ninyo sa ibaba at ipadala ulit ang order.</translation>
    </message>
    <message>
        <source>Too many orders from this address; please wait {seconds} seconds, then send the order again.</source>
        <translation>Masyado pong maraming order mula sa address na ito; maghintay po ng {seconds} segundo, saka ipadala ulit ang order.</translation>
    </message>
    <message>
        <source>Please wait a moment</source>
        <translation>Sandali lang po</translation>
    </message>
    <message>
        <source>This order was already sent</source>
        <translation>Naipadala na ang order na ito</translation>
    </message>
    <message>
        <source>The order could not be read</source>
        <translation>Hindi mabasa ang order</translation>
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
        <source>This order form was already sent; the order was received once. To send another order, open the form again.</source>
        <translation>Naipadala na po ang order form na ito; isang beses lang natanggap ang order. Para magpadala ng panibagong order, buksan po ulit ang form.</translation>
    </message>
</context>
</TS>
