<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>Audit</name>
    <message>
        <source>{who} pressed Retry on “{step}”</source>
        <translation>Pinindot ni {who} ang I-retry sa “{step}”</translation>
    </message>
    <message>
        <source>{who} retried “{step}” with changed input</source>
        <translation>Ni-retry ni {who} ang “{step}” na may binagong input</translation>
    </message>
    <message>
        <source>{who} skipped “{step}”</source>
        <translation>Ni-skip ni {who} ang “{step}”</translation>
    </message>
    <message>
        <source>{who} restarted the order from “{step}”</source>
        <translation>Sinimulan ulit ni {who} ang order mula sa “{step}”</translation>
    </message>
    <message>
        <source>{who} cancelled the order</source>
        <translation>Ni-cancel ni {who} ang order</translation>
    </message>
    <message>
        <source>{who} dismissed an inbox entry</source>
        <translation>Inalis ni {who} ang isang entry sa inbox</translation>
    </message>
    <message>
        <source>{who} started the order</source>
        <translation>Sinimulan ni {who} ang order</translation>
    </message>
    <message>
        <source>{who} entered the order by hand</source>
        <translation>Mano-manong inilagay ni {who} ang order</translation>
    </message>
    <message>
        <source>{who} started a practice run</source>
        <translation>Nagsimula si {who} ng practice run</translation>
    </message>
    <message>
        <source>{who} started the demo</source>
        <translation>Sinimulan ni {who} ang demo</translation>
    </message>
    <message>
        <source>{who} ended the demo</source>
        <translation>Tinapos ni {who} ang demo</translation>
    </message>
    <message>
        <source>{who} went through the first-run setup</source>
        <translation>Dinaanan ni {who} ang unang setup</translation>
    </message>
    <message>
        <source>{who} put orders on hold</source>
        <translation>Nag-hold si {who} ng mga order</translation>
    </message>
    <message>
        <source>{who} released a hold</source>
        <translation>Ni-release ni {who} ang isang hold</translation>
    </message>
    <message>
        <source>{who} changed how long a down system waits</source>
        <translation>Binago ni {who} kung gaano katagal maghihintay sa system na down</translation>
    </message>
    <message>
        <source>{who} saved a draft of “{name}”</source>
        <translation>Nag-save si {who} ng draft ng “{name}”</translation>
    </message>
    <message>
        <source>{who} discarded the draft of “{name}”</source>
        <translation>Itinapon ni {who} ang draft ng “{name}”</translation>
    </message>
    <message>
        <source>{who} published the workflow “{name}”</source>
        <translation>Ni-publish ni {who} ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} saved the workflow “{name}”</source>
        <translation>Ni-save ni {who} ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} switched the workflow on “{name}”</source>
        <translation>Ini-on ni {who} ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} switched the workflow off “{name}”</source>
        <translation>Ini-off ni {who} ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} archived the workflow “{name}”</source>
        <translation>Inilagay ni {who} sa archive ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} brought the workflow back from the archive “{name}”</source>
        <translation>Ibinalik ni {who} mula sa archive ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} removed the workflow “{name}”</source>
        <translation>Tinanggal ni {who} ang workflow na “{name}”</translation>
    </message>
    <message>
        <source>{who} saved the connection “{name}”</source>
        <translation>Ni-save ni {who} ang koneksyong “{name}”</translation>
    </message>
    <message>
        <source>{who} removed the connection “{name}”</source>
        <translation>Tinanggal ni {who} ang koneksyong “{name}”</translation>
    </message>
    <message>
        <source>{who} saw that {system} is down</source>
        <translation>Napansin ni {who} na down ang {system}</translation>
    </message>
    <message>
        <source>{who} checked {system}: still down</source>
        <translation>Tiningnan ni {who} ang {system}: down pa rin</translation>
    </message>
    <message>
        <source>{who} tried {system} again with one order</source>
        <translation>Sinubukan ulit ni {who} ang {system} gamit ang isang order</translation>
    </message>
    <message>
        <source>{who} saw that {system} is back</source>
        <translation>Napansin ni {who} na gumagana na ulit ang {system}</translation>
    </message>
    <message>
        <source>{who} stopped watching {system}</source>
        <translation>Tumigil si {who} sa pagbabantay sa {system}</translation>
    </message>
    <message>
        <source>{who} pressed Try now on {system}</source>
        <translation>Pinindot ni {who} ang Subukan ngayon sa {system}</translation>
    </message>
    <message>
        <source>{who} chose to keep waiting for {system}</source>
        <translation>Pinili ni {who} na maghintay pa sa {system}</translation>
    </message>
    <message>
        <source>{who} retried every order waiting on {system}</source>
        <translation>Ni-retry ni {who} ang lahat ng order na naghihintay sa {system}</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Na-import.</translation>
    </message>
    <message>
        <source>Imported switched off: set up its connections, then switch it on.</source>
        <translation>Na-import nang naka-off: i-set up ang mga koneksyon nito, saka i-on.</translation>
    </message>
    <message>
        <source>Set up with the first-run setup.</source>
        <translation>Na-set up sa unang setup.</translation>
    </message>
    <message>
        <source>Set up with the first-run setup, on your edited workflow.</source>
        <translation>Na-set up sa unang setup, sa workflow na binago mo.</translation>
    </message>
    <message>
        <source>Set up with the first-run setup: customers get no email from Daloy.</source>
        <translation>Na-set up sa unang setup: walang email na matatanggap ang mga customer mula sa Daloy.</translation>
    </message>
    <message>
        <source>Restored version {number}.</source>
        <translation>Ibinalik ang bersyon {number}.</translation>
    </message>
    <message>
        <source>counted as done: done at {time} in the workspace that was replaced</source>
        <translation>itinuring na tapos: natapos noong {time} sa workspace na pinalitan</translation>
    </message>
    <message>
        <source>counted as done: done at {time} in the workspace this backup came from</source>
        <translation>itinuring na tapos: natapos noong {time} sa workspace na pinagmulan ng backup na ito</translation>
    </message>
    <message>
        <source>{who} chose “{option}” at “{step}”</source>
        <translation>Pinili ni {who} ang “{option}” sa “{step}”</translation>
    </message>
    <message>
        <source>{who} chose “{option}”</source>
        <translation>Pinili ni {who} ang “{option}”</translation>
    </message>
    <message>
        <source>{who} started a demo order</source>
        <translation>Nagsimula si {who} ng demo na order</translation>
    </message>
    <message>
        <source>{what} (order {order})</source>
        <translation>{what} (order {order})</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>The backup of {when} is damaged ({why}); choose another one. Nothing was changed.</source>
        <translation>Sira ang backup ng {when} ({why}); pumili ng iba. Walang binago.</translation>
    </message>
    <message>
        <source>The backup asked for could not be found or read, so it was not put back; this workspace is as it was. Choose it again on the Backups page.</source>
        <translation>Hindi nahanap o nabasa ang hiniling na backup, kaya hindi ito naibalik; gaya pa rin ng dati ang workspace na ito. Piliin itong muli sa pahina ng Mga Backup.</translation>
    </message>
    <message>
        <source>The backup of {when} was not put back: {why}</source>
        <translation>Hindi naibalik ang backup ng {when}: {why}</translation>
    </message>
    <message>
        <source>The backup of {when} is back in place: orders and changes since then are gone from this workspace. What it replaced is kept in {aside}.</source>
        <translation>Naibalik na ang backup ng {when}: wala na sa workspace na ito ang mga order at pagbabago mula noon. Nakatabi sa {aside} ang pinalitan nito.</translation>
    </message>
    <message>
        <source>1 order was in progress in the backup. It is held, so that nothing it did since is done twice: open it from Orders, check it, then press “Release this hold” on its page.</source>
        <translation>May 1 order na tumatakbo pa noong kinuha ang backup. Naka-hold ito, para walang magawa nang dalawang beses sa mga nagawa nito mula noon: buksan ito mula sa Mga Order, suriin, saka pindutin ang “I-release ang hold na ito” sa pahina nito.</translation>
    </message>
    <message>
        <source>{count} orders were in progress in the backup. They are held as one group, so that nothing they did since is done twice: open each from Orders and check it; “Release this hold” on an order&apos;s page lets the whole group go on.</source>
        <translation>May {count} order na tumatakbo pa noong kinuha ang backup. Naka-hold sila bilang isang grupo, para walang magawa nang dalawang beses sa mga nagawa nila mula noon: buksan ang bawat isa mula sa Mga Order at suriin; ang “I-release ang hold na ito” sa pahina ng isang order ay nagpapatuloy sa buong grupo.</translation>
    </message>
    <message>
        <source>Orders that had gone on further since the backup say on their page which steps they had done; “Count as done” there records those steps as done instead of running them again.</source>
        <translation>Ang mga order na umusad pa mula noong backup ay nagsasabi sa kanilang pahina kung aling mga hakbang ang nagawa na nila; ang “Ituring na tapos” doon ay nagtatala sa mga hakbang na iyon bilang tapos sa halip na patakbuhin muli.</translation>
    </message>
    <message>
        <source>The orders in progress in the backup of {when} could not be held ({why}), so it was not put back: the workspace is as it was. Nothing was changed.</source>
        <translation>Hindi ma-hold ang mga order na tumatakbo pa sa backup ng {when} ({why}), kaya hindi ito ibinalik: nananatili ang workspace gaya ng dati. Walang binago.</translation>
    </message>
    <message>
        <source>The orders in progress in the backup of {when} could not be held ({why}), and the workspace could not be moved back in place: it is kept, as it was, in {aside}.</source>
        <translation>Hindi ma-hold ang mga order na tumatakbo pa sa backup ng {when} ({why}), at hindi maibalik sa lugar nito ang workspace: nakatabi ito, gaya ng dati, sa {aside}.</translation>
    </message>
    <message>
        <source>The orders in progress in the backup of {when} could not be held ({why}), so it was not restored into {folder}. Nothing was changed.</source>
        <translation>Hindi ma-hold ang mga order na tumatakbo pa sa backup ng {when} ({why}), kaya hindi ito naibalik sa {folder}. Walang binago.</translation>
    </message>
    <message>
        <source>The order numbers given in the workspace that was replaced could not be read ({why}), so this workspace&apos;s order numbers skip {margin} ahead: no number a customer was given since the backup is given again.</source>
        <translation>Hindi mabasa ang mga numero ng order na naibigay sa workspace na pinalitan ({why}), kaya lalaktaw nang {margin} ang mga numero ng order ng workspace na ito: walang numerong naibigay sa customer mula noong backup ang maibibigay ulit.</translation>
    </message>
    <message>
        <source>1 order waiting for you in Needs you had gone on further since the backup: its entry says which steps it had done, and “Count as done” there records them as done instead of doing them again.</source>
        <translation>1 order na naghihintay sa iyo sa Kailangan ka ang umusad pa mula noong backup: sinasabi ng entry nito kung aling mga hakbang ang nagawa na nito, at ang “Ituring na tapos” doon ay nagtatala sa kanila bilang tapos sa halip na gawin muli.</translation>
    </message>
    <message>
        <source>{count} orders waiting for you in Needs you had gone on further since the backup: each entry says which steps it had done, and “Count as done” there records them as done instead of doing them again.</source>
        <translation>{count} order na naghihintay sa iyo sa Kailangan ka ang umusad pa mula noong backup: sinasabi ng bawat entry kung aling mga hakbang ang nagawa na nito, at ang “Ituring na tapos” doon ay nagtatala sa kanila bilang tapos sa halip na gawin muli.</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>web form</source>
        <translation>web form</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>webhook</translation>
    </message>
    <message>
        <source>marketplace</source>
        <translation>marketplace</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>iskedyul</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>mano-mano</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} at {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>its kind of step</source>
        <translation>ang uri ng hakbang</translation>
    </message>
    <message>
        <source>setting “{label}”</source>
        <translation>ang setting na “{label}”</translation>
    </message>
    <message>
        <source>“{label}”</source>
        <translation>“{label}”</translation>
    </message>
    <message>
        <source>settings {labels}</source>
        <translation>ang mga setting na {labels}</translation>
    </message>
    <message>
        <source>its retry settings</source>
        <translation>ang mga setting ng retry</translation>
    </message>
    <message>
        <source>its other details</source>
        <translation>ang iba pang detalye</translation>
    </message>
    <message>
        <source>{kind} “{id}”</source>
        <translation>{kind} na “{id}”</translation>
    </message>
    <message>
        <source>New workflow with 1 step.</source>
        <translation>Bagong workflow na may 1 hakbang.</translation>
    </message>
    <message>
        <source>New workflow with {count} steps.</source>
        <translation>Bagong workflow na may {count} hakbang.</translation>
    </message>
    <message>
        <source>Added {steps}.</source>
        <translation>Idinagdag ang {steps}.</translation>
    </message>
    <message>
        <source>Removed {steps}.</source>
        <translation>Tinanggal ang {steps}.</translation>
    </message>
    <message>
        <source>Renamed “{old}” to “{new}”.</source>
        <translation>Pinalitan ang pangalan ng “{old}” ng “{new}”.</translation>
    </message>
    <message>
        <source>Changed “{step}”: {changes}.</source>
        <translation>Binago sa “{step}”: {changes}.</translation>
    </message>
    <message>
        <source>“{source}” now leads to “{target}” by “{port}”.</source>
        <translation>Papunta na ang “{source}” sa “{target}” sa “{port}”.</translation>
    </message>
    <message>
        <source>“{source}” now leads to “{target}”.</source>
        <translation>Papunta na ang “{source}” sa “{target}”.</translation>
    </message>
    <message>
        <source>“{source}” no longer leads to “{target}” by “{port}”.</source>
        <translation>Hindi na papunta ang “{source}” sa “{target}” sa “{port}”.</translation>
    </message>
    <message>
        <source>“{source}” no longer leads to “{target}”.</source>
        <translation>Hindi na papunta ang “{source}” sa “{target}”.</translation>
    </message>
    <message>
        <source>Orders now also come from {trigger}.</source>
        <translation>Dumarating na rin ang mga order mula sa {trigger}.</translation>
    </message>
    <message>
        <source>Changed where orders come from: {trigger} switched off.</source>
        <translation>Binago kung saan galing ang mga order: naka-off ang {trigger}.</translation>
    </message>
    <message>
        <source>Changed where orders come from: {trigger} switched on.</source>
        <translation>Binago kung saan galing ang mga order: naka-on ang {trigger}.</translation>
    </message>
    <message>
        <source>Changed where orders come from: {trigger}.</source>
        <translation>Binago kung saan galing ang mga order: {trigger}.</translation>
    </message>
    <message>
        <source>Orders no longer come from {trigger}.</source>
        <translation>Hindi na dumarating ang mga order mula sa {trigger}.</translation>
    </message>
    <message>
        <source>Changed how orders are numbered (the business key).</source>
        <translation>Binago kung paano binibilang ang mga order (ang business key).</translation>
    </message>
    <message>
        <source>Changed the description.</source>
        <translation>Binago ang paglalarawan.</translation>
    </message>
    <message>
        <source>Changed the sample order.</source>
        <translation>Binago ang sample na order.</translation>
    </message>
    <message>
        <source>Renamed the workflow from “{old}” to “{new}”.</source>
        <translation>Pinalitan ang pangalan ng workflow mula “{old}” tungong “{new}”.</translation>
    </message>
    <message>
        <source>Moved steps on the canvas.</source>
        <translation>Inilipat ang mga hakbang sa canvas.</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Walang binago.</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None — this computer only</source>
        <translation>Wala — para lang sa computer na ito</translation>
    </message>
    <message>
        <source>Gmail and Google Workspace</source>
        <translation>Gmail at Google Workspace</translation>
    </message>
    <message>
        <source>Gmail needs an app password, not your normal one: Google Account → Security → 2-Step Verification → App passwords. The user name is the full email address.</source>
        <translation>Kailangan ng Gmail ng app password, hindi ang karaniwang password mo: Google Account → Security → 2-Step Verification → App passwords. Ang user name ay ang buong email address.</translation>
    </message>
    <message>
        <source>for Gmail use an app password (Google Account → Security → App passwords)</source>
        <translation>sa Gmail, gumamit ng app password (Google Account → Security → App passwords)</translation>
    </message>
    <message>
        <source>Outlook and Microsoft 365</source>
        <translation>Outlook at Microsoft 365</translation>
    </message>
    <message>
        <source>Microsoft 365: your administrator must allow IMAP and SMTP sign-in for this mailbox; with two-step verification, create an app password in your Microsoft account&apos;s security settings.</source>
        <translation>Microsoft 365: dapat payagan ng administrator mo ang IMAP at SMTP sign-in para sa mailbox na ito; kapag may two-step verification, gumawa ng app password sa security settings ng Microsoft account mo.</translation>
    </message>
    <message>
        <source>for Microsoft 365 ask your administrator to allow IMAP/SMTP sign-in, or use an app password</source>
        <translation>sa Microsoft 365, pakiusapan ang administrator mo na payagan ang IMAP/SMTP sign-in, o gumamit ng app password</translation>
    </message>
    <message>
        <source>Yahoo Mail</source>
        <translation>Yahoo Mail</translation>
    </message>
    <message>
        <source>Yahoo needs an app password: Account info → Account security → Generate app password.</source>
        <translation>Kailangan ng Yahoo ng app password: Account info → Account security → Generate app password.</translation>
    </message>
    <message>
        <source>for Yahoo use an app password (Account security → Generate app password)</source>
        <translation>sa Yahoo, gumamit ng app password (Account security → Generate app password)</translation>
    </message>
    <message>
        <source>Zoho Mail</source>
        <translation>Zoho Mail</translation>
    </message>
    <message>
        <source>Zoho: switch on IMAP access in Zoho Mail&apos;s settings; with two-factor authentication, use an application-specific password.</source>
        <translation>Zoho: i-on ang IMAP access sa mga setting ng Zoho Mail; kapag may two-factor authentication, gumamit ng application-specific password.</translation>
    </message>
    <message>
        <source>for Zoho use an application-specific password and check IMAP access is on</source>
        <translation>sa Zoho, gumamit ng application-specific password at tiyaking naka-on ang IMAP access</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Iba pa</translation>
    </message>
    <message>
        <source>Your provider&apos;s help pages name the server, port and security to use; many need an app password rather than your normal one.</source>
        <translation>Nakasulat sa help pages ng provider mo ang server, port at security na gagamitin; marami ang nangangailangan ng app password sa halip na ang karaniwang password mo.</translation>
    </message>
    <message>
        <source>check the user name and password (many providers need an app password)</source>
        <translation>tingnan ang user name at password (maraming provider ang nangangailangan ng app password)</translation>
    </message>
    <message>
        <source>Shop address (myshop.myshopify.com)</source>
        <translation>Address ng shop (myshop.myshopify.com)</translation>
    </message>
    <message>
        <source>The shop&apos;s .myshopify.com address, even when customers see your own domain.</source>
        <translation>Ang .myshopify.com na address ng shop, kahit sariling domain mo ang nakikita ng mga customer.</translation>
    </message>
    <message>
        <source>Admin API version</source>
        <translation>Version ng Admin API</translation>
    </message>
    <message>
        <source>leave empty for the one Daloy knows</source>
        <translation>iwanang blangko para sa alam ng Daloy</translation>
    </message>
    <message>
        <source>Stock location ID</source>
        <translation>ID ng lokasyon ng stock</translation>
    </message>
    <message>
        <source>leave empty for the shop&apos;s first location</source>
        <translation>iwanang blangko para sa unang lokasyon ng shop</translation>
    </message>
    <message>
        <source>Shopify admin ▸ Settings ▸ Locations: the number at the end of the location&apos;s address.</source>
        <translation>Shopify admin ▸ Settings ▸ Locations: ang numero sa dulo ng address ng lokasyon.</translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation>Admin API access token</translation>
    </message>
    <message>
        <source>Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ your app ▸ API credentials (with read and write access to orders, fulfillments and inventory).</source>
        <translation>Shopify admin ▸ Settings ▸ Apps ▸ Develop apps ▸ ang app mo ▸ API credentials (dapat may read at write access ito sa orders, fulfillments at inventory).</translation>
    </message>
    <message>
        <source>Webhook signing key</source>
        <translation>Webhook signing key</translation>
    </message>
    <message>
        <source>only to receive pushed orders</source>
        <translation>para lang tumanggap ng mga order na ipinapadala (push)</translation>
    </message>
    <message>
        <source>Shopify admin ▸ Settings ▸ Notifications ▸ Webhooks: the key under the list (“Your webhooks will be signed with …”).</source>
        <translation>Shopify admin ▸ Settings ▸ Notifications ▸ Webhooks: ang key sa ilalim ng listahan (“Your webhooks will be signed with …”).</translation>
    </message>
    <message>
        <source>Shop address (https://myshop.com)</source>
        <translation>Address ng shop (https://myshop.com)</translation>
    </message>
    <message>
        <source>The address of the WordPress site that runs WooCommerce.</source>
        <translation>Ang address ng WordPress site na nagpapatakbo ng WooCommerce.</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>Consumer key</translation>
    </message>
    <message>
        <source>WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API ▸ Add key, with Read/Write permission.</source>
        <translation>WordPress admin ▸ WooCommerce ▸ Settings ▸ Advanced ▸ REST API ▸ Add key, na may Read/Write permission.</translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation>Consumer secret</translation>
    </message>
    <message>
        <source>Shown once, beside the consumer key, when the key is made.</source>
        <translation>Isang beses lang ipinapakita, katabi ng consumer key, kapag ginawa ang key.</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Webhook secret</translation>
    </message>
    <message>
        <source>WooCommerce ▸ Settings ▸ Advanced ▸ Webhooks: the Secret of the order webhooks.</source>
        <translation>WooCommerce ▸ Settings ▸ Advanced ▸ Webhooks: ang Secret ng mga order webhook.</translation>
    </message>
    <message>
        <source>Shopee API address</source>
        <translation>Address ng Shopee API</translation>
    </message>
    <message>
        <source>leave empty for Shopee&apos;s live address</source>
        <translation>iwanang blangko para sa live na address ng Shopee</translation>
    </message>
    <message>
        <source>Only for Shopee&apos;s test shops: https://partner.test-stable.shopeemobile.com.</source>
        <translation>Para lang sa mga test shop ng Shopee: https://partner.test-stable.shopeemobile.com.</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>Partner ID</translation>
    </message>
    <message>
        <source>e.g. 2001887</source>
        <translation>hal. 2001887</translation>
    </message>
    <message>
        <source>Shopee Open Platform ▸ App List ▸ your app: the Partner ID.</source>
        <translation>Shopee Open Platform ▸ App List ▸ ang app mo: ang Partner ID.</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>Shop ID</translation>
    </message>
    <message>
        <source>filled in by “Authorise the shop…”</source>
        <translation>kusang napupunan kapag in-authorise ang shop</translation>
    </message>
    <message>
        <source>Shopee gives it with the authorisation code.</source>
        <translation>Ibinibigay ito ng Shopee kasama ng authorisation code.</translation>
    </message>
    <message>
        <source>Partner key</source>
        <translation>Partner key</translation>
    </message>
    <message>
        <source>Shopee Open Platform ▸ App List ▸ your app: the Partner Key.</source>
        <translation>Shopee Open Platform ▸ App List ▸ ang app mo: ang Partner Key.</translation>
    </message>
    <message>
        <source>Lazada API address (your country)</source>
        <translation>Address ng Lazada API (bansa mo)</translation>
    </message>
    <message>
        <source>leave empty for the Philippines</source>
        <translation>iwanang blangko para sa Pilipinas</translation>
    </message>
    <message>
        <source>Your shop&apos;s country: https://api.lazada.com.my/rest, .sg, .co.th, .vn or .co.id in place of .com.ph.</source>
        <translation>Ang bansa ng shop mo: https://api.lazada.com.my/rest, .sg, .co.th, .vn o .co.id kapalit ng .com.ph.</translation>
    </message>
    <message>
        <source>Lazada authorisation address</source>
        <translation>Address ng authorisation ng Lazada</translation>
    </message>
    <message>
        <source>leave empty (the same everywhere)</source>
        <translation>iwanang blangko (pareho saanman)</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>App key</translation>
    </message>
    <message>
        <source>e.g. 100132</source>
        <translation>hal. 100132</translation>
    </message>
    <message>
        <source>Lazada Open Platform ▸ App Console ▸ your app: the App Key.</source>
        <translation>Lazada Open Platform ▸ App Console ▸ ang app mo: ang App Key.</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>App secret</translation>
    </message>
    <message>
        <source>Lazada Open Platform ▸ App Console ▸ your app: the App Secret.</source>
        <translation>Lazada Open Platform ▸ App Console ▸ ang app mo: ang App Secret.</translation>
    </message>
    <message>
        <source>Enter the {field} first, then test again.</source>
        <translation>Ilagay muna ang {field}, saka i-test ulit.</translation>
    </message>
    <message>
        <source>Enter the {field} first, then try again.</source>
        <translation>Ilagay muna ang {field}, saka subukan ulit.</translation>
    </message>
    <message>
        <source>The {field} is a number (digits only); check it and try again.</source>
        <translation>Numero ang {field} (digits lang); tingnan ito at subukan ulit.</translation>
    </message>
    <message>
        <source>{platform}&apos;s address</source>
        <translation>address ng {platform}</translation>
    </message>
    <message>
        <source>A {kind} connection needs no authorisation.</source>
        <translation>Hindi kailangang i-authorise ang {kind} na koneksyon.</translation>
    </message>
    <message>
        <source>open the link again with “Authorise the shop…” and paste the new code</source>
        <translation>buksan ulit ang link gamit ang “I-authorise ang shop…” at i-paste ang bagong code</translation>
    </message>
    <message>
        <source>Can&apos;t find {where} — check the shop address.</source>
        <translation>Hindi makita ang {where} — tingnan ang address ng shop.</translation>
    </message>
    <message>
        <source>{title} asked Daloy to slow down; test again in a minute.</source>
        <translation>Pinabagal ng {title} ang Daloy; i-test ulit pagkalipas ng isang minuto.</translation>
    </message>
    <message>
        <source>Could not reach {title} at {where} — check the address and that this computer is online.</source>
        <translation>Hindi maabot ang {title} sa {where} — tingnan ang address at kung online ang computer na ito.</translation>
    </message>
    <message>
        <source>Shopee refused the Partner ID or Partner key — copy both again from Shopee Open Platform ▸ App List.</source>
        <translation>Tinanggihan ng Shopee ang Partner ID o Partner key — kopyahin ulit ang dalawa mula sa Shopee Open Platform ▸ App List.</translation>
    </message>
    <message>
        <source>Lazada refused the App key or App secret — copy both again from Lazada Open Platform ▸ App Console.</source>
        <translation>Tinanggihan ng Lazada ang App key o App secret — kopyahin ulit ang dalawa mula sa Lazada Open Platform ▸ App Console.</translation>
    </message>
    <message>
        <source>{title} did not accept that code — a code works once and only for a few minutes; {again}.</source>
        <translation>Hindi tinanggap ng {title} ang code na iyon — isang beses lang gumagana ang code at ilang minuto lang; {again}.</translation>
    </message>
    <message>
        <source>{title} no longer accepts this shop&apos;s authorisation — {again}.</source>
        <translation>Hindi na tinatanggap ng {title} ang authorisation ng shop na ito — {again}.</translation>
    </message>
    <message>
        <source>{title} refused the Admin API access token — check it under Shopify admin ▸ Settings ▸ Apps ▸ Develop apps, and that the app may read orders.</source>
        <translation>Tinanggihan ng {title} ang Admin API access token — tingnan ito sa Shopify admin ▸ Settings ▸ Apps ▸ Develop apps, at kung puwedeng magbasa ng mga order ang app.</translation>
    </message>
    <message>
        <source>{title} refused the consumer key and secret — check both under WooCommerce ▸ Settings ▸ Advanced ▸ REST API, and that the key may read.</source>
        <translation>Tinanggihan ng {title} ang consumer key at secret — tingnan ang dalawa sa WooCommerce ▸ Settings ▸ Advanced ▸ REST API, at kung puwedeng magbasa ang key.</translation>
    </message>
    <message>
        <source>{title} refused the shop&apos;s access — {again}.</source>
        <translation>Tinanggihan ng {title} ang access ng shop — {again}.</translation>
    </message>
    <message>
        <source>{title} has no shop at {where} — check the shop address.</source>
        <translation>Walang shop ang {title} sa {where} — tingnan ang address ng shop.</translation>
    </message>
    <message>
        <source>{title} answered in a way Daloy did not expect; the details below say what it answered.</source>
        <translation>Sumagot ang {title} nang hindi inaasahan ng Daloy; nasa mga detalye sa ibaba ang isinagot nito.</translation>
    </message>
    <message>
        <source>Connections of kind {kind} cannot be tested yet.</source>
        <translation>Hindi pa puwedeng i-test ang mga koneksyon na {kind}.</translation>
    </message>
    <message>
        <source>The shop is not authorised yet: use “Authorise the shop…”, then test again.</source>
        <translation>Hindi pa naka-authorise ang shop: gamitin ang “I-authorise ang shop…”, saka i-test ulit.</translation>
    </message>
    <message>
        <source>Connected to {platform} shop {address}; 1 order changed in the last day.</source>
        <translation>Nakakonekta sa {platform} shop na {address}; 1 order ang nagbago sa nakaraang araw.</translation>
    </message>
    <message>
        <source>Connected to {platform} shop {address}; {count} orders changed in the last day.</source>
        <translation>Nakakonekta sa {platform} shop na {address}; {count} order ang nagbago sa nakaraang araw.</translation>
    </message>
    <message>
        <source>Enter the return address (the Redirect URL registered for your app, starting with https://) first.</source>
        <translation>Ilagay muna ang return address (ang Redirect URL na naka-register para sa app mo, nagsisimula sa https://).</translation>
    </message>
    <message>
        <source>Paste the code (or the whole address the browser showed after the owner approved) first.</source>
        <translation>I-paste muna ang code (o ang buong address na ipinakita ng browser pagkatapos pumayag ang may-ari).</translation>
    </message>
    <message>
        <source>Shop authorised; Daloy renews its access by itself.</source>
        <translation>Naka-authorise na ang shop; kusang nire-renew ng Daloy ang access nito.</translation>
    </message>
    <message>
        <source>Shop authorised until {date}.</source>
        <translation>Naka-authorise ang shop hanggang {date}.</translation>
    </message>
    <message>
        <source>Enter the {field} of “{name}” first, then test again.</source>
        <translation>Ilagay muna ang {field} ng “{name}”, saka i-test ulit.</translation>
    </message>
    <message>
        <source>it is signed by the server itself</source>
        <translation>ang server mismo ang pumirma nito</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>expired na ito</translation>
    </message>
    <message>
        <source>it is made out to another name</source>
        <translation>para ito sa ibang pangalan</translation>
    </message>
    <message>
        <source>no authority Daloy knows vouches for it</source>
        <translation>walang kilalang authority ng Daloy na nagpapatunay dito</translation>
    </message>
    <message>
        <source>{host} port {port}</source>
        <translation>{host} port {port}</translation>
    </message>
    <message>
        <source>Can&apos;t find the server {host} — check the address.</source>
        <translation>Hindi makita ang server na {host} — tingnan ang address.</translation>
    </message>
    <message>
        <source>Nothing answers at {where} — check the port (and that the security matches it).</source>
        <translation>Walang sumasagot sa {where} — tingnan ang port (at kung tugma rito ang security).</translation>
    </message>
    <message>
        <source>The server {host} showed a certificate Daloy does not trust ({why}) — if it is your office&apos;s own server, choose its CA certificate file; otherwise check the server name.</source>
        <translation>Nagpakita ang server na {host} ng certificate na hindi pinagkakatiwalaan ng Daloy ({why}) — kung sariling server ito ng opisina mo, piliin ang CA certificate file nito; kung hindi, tingnan ang pangalan ng server.</translation>
    </message>
    <message>
        <source>{where} does not speak the security chosen — check that the security matches the port (SSL/TLS usually {ssl}, STARTTLS usually {starttls}).</source>
        <translation>Hindi gumagamit ang {where} ng napiling security — tingnan kung tugma ang security sa port (SSL/TLS karaniwang {ssl}, STARTTLS karaniwang {starttls}).</translation>
    </message>
    <message>
        <source>{where} did not answer in time — check the address, the port and that this computer is online.</source>
        <translation>Hindi sumagot sa oras ang {where} — tingnan ang address, ang port at kung online ang computer na ito.</translation>
    </message>
    <message>
        <source>The password was refused — {hint}; also check the user name “{user}”.</source>
        <translation>Tinanggihan ang password — {hint}; tingnan din ang user name na “{user}”.</translation>
    </message>
    <message>
        <source>Could not connect with “{name}”; the details below say what the other side answered.</source>
        <translation>Hindi makakonekta sa “{name}”; nasa mga detalye sa ibaba ang isinagot ng kabilang panig.</translation>
    </message>
    <message>
        <source>Connected to {host} and signed in.</source>
        <translation>Nakakonekta sa {host} at naka-sign in na.</translation>
    </message>
    <message>
        <source>Connected to {host}.</source>
        <translation>Nakakonekta sa {host}.</translation>
    </message>
    <message>
        <source>Signed in to {host}; messages in the folder: {n}.</source>
        <translation>Naka-sign in sa {host}; mga mensahe sa folder: {n}.</translation>
    </message>
    <message>
        <source>{address} refused the token of “{name}” (error {status}). Enter a new one.</source>
        <translation>Tinanggihan ng {address} ang token ng “{name}” (error {status}). Maglagay ng bago.</translation>
    </message>
    <message>
        <source>{address} answered (status {status}).</source>
        <translation>Sumagot ang {address} (status {status}).</translation>
    </message>
    <message>
        <source>Connected to the database.</source>
        <translation>Nakakonekta sa database.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password of “{name}”.</source>
        <translation>Tinanggihan ng mail server ang user name o password ng “{name}”.</translation>
    </message>
    <message>
        <source>“{value}” has a space in it; a web address has none, like {example}.</source>
        <translation>May space ang “{value}”; walang space ang web address, tulad ng {example}.</translation>
    </message>
    <message>
        <source>“{value}” is not a web address: it starts with https:// (or http://), like {example}.</source>
        <translation>Hindi web address ang “{value}”: nagsisimula ito sa https:// (o http://), tulad ng {example}.</translation>
    </message>
    <message>
        <source>“{value}” names no server; type the whole address, like {example}.</source>
        <translation>Walang server na nakasaad sa “{value}”; i-type ang buong address, tulad ng {example}.</translation>
    </message>
    <message>
        <source>The port in “{value}” is not a number from 1 to 65535; type digits after the colon, or leave the port out.</source>
        <translation>Hindi numero mula 1 hanggang 65535 ang port sa “{value}”; mga digit lang ang i-type pagkatapos ng colon, o alisin ang port.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535; “{port}” is not.</source>
        <translation>Numero mula 1 hanggang 65535 ang port; hindi ganoon ang “{port}”.</translation>
    </message>
    <message>
        <source>Enter the server of “{name}”, for example {example} (choosing your email provider fills it in).</source>
        <translation>Ilagay ang server ng “{name}”, halimbawa {example} (kusang napupunan ito kapag pinili mo ang email provider mo).</translation>
    </message>
    <message>
        <source>“{value}” is not a server name; type only the name, for example {example}.</source>
        <translation>Hindi pangalan ng server ang “{value}”; ang pangalan lang ang i-type, halimbawa {example}.</translation>
    </message>
    <message>
        <source>Type the port in its own field: the server is “{host}”, the port {port}.</source>
        <translation>I-type ang port sa sarili nitong field: “{host}” ang server, {port} ang port.</translation>
    </message>
    <message>
        <source>Enter the user name of “{name}” (usually the full email address).</source>
        <translation>Ilagay ang user name ng “{name}” (kadalasan ang buong email address).</translation>
    </message>
    <message>
        <source>“{value}” is not an email address; type the one customers see, for example orders@myshop.example.</source>
        <translation>Hindi email address ang “{value}”; i-type ang nakikita ng mga customer, halimbawa orders@myshop.example.</translation>
    </message>
    <message>
        <source>Enter the database address, for example postgresql://db.example.com/shop.</source>
        <translation>Ilagay ang address ng database, halimbawa postgresql://db.example.com/shop.</translation>
    </message>
    <message>
        <source>“{value}” is not a database address; it starts with the kind of database, for example postgresql://db.example.com/shop.</source>
        <translation>Hindi address ng database ang “{value}”; nagsisimula ito sa uri ng database, halimbawa postgresql://db.example.com/shop.</translation>
    </message>
    <message>
        <source>The shop is not authorised yet: use “Authorise the shop…” (it fills in the Shop ID), then try again.</source>
        <translation>Hindi pa naka-authorise ang shop: gamitin ang “I-authorise ang shop…” (pinupunan nito ang Shop ID), saka subukan ulit.</translation>
    </message>
    <message>
        <source>Enter the shop&apos;s address, for example {example}.</source>
        <translation>Ilagay ang address ng shop, halimbawa {example}.</translation>
    </message>
    <message>
        <source>Enter the web address (base URL), for example {example}.</source>
        <translation>Ilagay ang web address (base URL), halimbawa {example}.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database address is not a URL Daloy understands; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Hindi maintindihan ng Daloy ang address ng database; isulat ito nang ganito: postgresql://USER@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>Daloy works on PostgreSQL or its own SQLite file, not on “{kind}”; write the address as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Gumagana ang Daloy sa PostgreSQL o sa sarili nitong SQLite file, hindi sa “{kind}”; isulat ang address nang ganito: postgresql://USER@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>The database address {url} names no {part}; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Walang {part} ang address ng database na {url}; isulat ito nang ganito: postgresql://USER@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>check the user and password (in the URL, or saved with `daloy store password`)</source>
        <translation>i-check ang user at password (nasa URL, o naka-save gamit ang `daloy store password`)</translation>
    </message>
    <message>
        <source>create the database and its user first (see the README)</source>
        <translation>gawin muna ang database at ang user nito (tingnan ang README)</translation>
    </message>
    <message>
        <source>check that the server runs and that this computer may reach it; Daloy tries again when started again</source>
        <translation>i-check kung tumatakbo ang server at kung naaabot ito ng computer na ito; susubukan ulit ng Daloy pagbukas ulit nito</translation>
    </message>
    <message>
        <source>Cannot reach the database server at {where} — {detail}; {hint}.</source>
        <translation>Hindi maabot ang database server sa {where} — {detail}; {hint}.</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Done in {duration}.</source>
        <translation>Tapos na sa loob ng {duration}.</translation>
    </message>
    <message>
        <source>Cancelled by {who}.</source>
        <translation>Na-cancel ni {who}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Na-cancel.</translation>
    </message>
    <message>
        <source>Waiting for you: {what} (since {time})</source>
        <translation>Hinihintay ka: {what} (mula {time})</translation>
    </message>
    <message>
        <source>Waiting for you: {step} failed: {error}</source>
        <translation>Hinihintay ka: pumalya ang {step}: {error}</translation>
    </message>
    <message>
        <source>see the step</source>
        <translation>tingnan ang hakbang</translation>
    </message>
    <message>
        <source>Waiting for you.</source>
        <translation>Hinihintay ka.</translation>
    </message>
    <message>
        <source>Waiting for {system}: attempt {attempt} of {attempts} at {time}.</source>
        <translation>Naghihintay sa {system}: subok {attempt} ng {attempts} sa {time}.</translation>
    </message>
    <message>
        <source>{what} (next check {time}).</source>
        <translation>{what} (susunod na tingin: {time}).</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Naghihintay</translation>
    </message>
    <message>
        <source>Waiting.</source>
        <translation>Naghihintay.</translation>
    </message>
    <message>
        <source>Working: {steps}.</source>
        <translation>Tumatakbo: {steps}.</translation>
    </message>
    <message>
        <source>Working.</source>
        <translation>Tumatakbo.</translation>
    </message>
    <message>
        <source>the card was charged</source>
        <translation>nasingil ang card</translation>
    </message>
    <message>
        <source>The card was not charged</source>
        <translation>Hindi nasingil ang card</translation>
    </message>
    <message>
        <source>the payment service</source>
        <translation>payment service</translation>
    </message>
    <message>
        <source>no charge was made</source>
        <translation>walang nasingil</translation>
    </message>
    <message>
        <source>Retry when the payment service works again, or cancel the order.</source>
        <translation>I-retry kapag gumana na ulit ang payment service, o i-cancel ang order.</translation>
    </message>
    <message>
        <source>the confirmation email was sent</source>
        <translation>naipadala ang confirmation email</translation>
    </message>
    <message>
        <source>the email “{label}” was sent</source>
        <translation>naipadala ang email na “{label}”</translation>
    </message>
    <message>
        <source>The confirmation email was not sent</source>
        <translation>Hindi naipadala ang confirmation email</translation>
    </message>
    <message>
        <source>The email “{label}” was not sent</source>
        <translation>Hindi naipadala ang email na “{label}”</translation>
    </message>
    <message>
        <source>the mail server</source>
        <translation>mail server</translation>
    </message>
    <message>
        <source>it had not been sent</source>
        <translation>hindi pa ito naipadala</translation>
    </message>
    <message>
        <source>Retry when the mail server works again, or skip it and write yourself.</source>
        <translation>I-retry kapag gumana na ulit ang mail server, o i-skip ito at ikaw na ang sumulat.</translation>
    </message>
    <message>
        <source>the message was posted</source>
        <translation>na-post ang mensahe</translation>
    </message>
    <message>
        <source>The message “{label}” was not posted</source>
        <translation>Hindi na-post ang mensaheng “{label}”</translation>
    </message>
    <message>
        <source>the chat service</source>
        <translation>chat service</translation>
    </message>
    <message>
        <source>it had not been posted</source>
        <translation>hindi pa ito na-post</translation>
    </message>
    <message>
        <source>Retry when the chat service works again, or skip it.</source>
        <translation>I-retry kapag gumana na ulit ang chat service, o i-skip ito.</translation>
    </message>
    <message>
        <source>the web service it calls</source>
        <translation>web service na tinatawagan nito</translation>
    </message>
    <message>
        <source>“{label}” went through</source>
        <translation>pumasok ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” did not go through</source>
        <translation>Hindi pumasok ang “{label}”</translation>
    </message>
    <message>
        <source>it had not gone through</source>
        <translation>hindi pa ito pumasok</translation>
    </message>
    <message>
        <source>Retry when {service} works again, or skip it with the result it should have given.</source>
        <translation>I-retry kapag gumana na ulit ang {service}, o i-skip ito gamit ang resultang dapat ibinigay nito.</translation>
    </message>
    <message>
        <source>“{label}” finished</source>
        <translation>natapos ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” could not finish</source>
        <translation>Hindi natapos ang “{label}”</translation>
    </message>
    <message>
        <source>Retry it, skip it with the result it should have given, or cancel the order.</source>
        <translation>I-retry ito, i-skip gamit ang resultang dapat ibinigay nito, o i-cancel ang order.</translation>
    </message>
    <message>
        <source>{not_done}: {cause} — {tries}</source>
        <translation>{not_done}: {cause} — {tries}</translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation>{n} segundo</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 segundo</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} minuto</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} oras</translation>
    </message>
    <message>
        <source>it</source>
        <translation>system na tinatawagan nito</translation>
    </message>
    <message>
        <source>Daloy stopped while it was running</source>
        <translation>huminto ang Daloy habang tumatakbo ito</translation>
    </message>
    <message>
        <source>{who} had a problem on its side (error {code})</source>
        <translation>nagkaproblema sa panig ng {who} (error {code})</translation>
    </message>
    <message>
        <source>{who} refused it (error {code}: {said})</source>
        <translation>tinanggihan ito ng {who} (error {code}: {said})</translation>
    </message>
    <message>
        <source>{who} refused it (error {code})</source>
        <translation>tinanggihan ito ng {who} (error {code})</translation>
    </message>
    <message>
        <source>{who} could not be reached</source>
        <translation>hindi maabot ang {who}</translation>
    </message>
    <message>
        <source>{who} did not answer in time</source>
        <translation>hindi sumagot sa oras ang {who}</translation>
    </message>
    <message>
        <source>it failed</source>
        <translation>pumalya ito</translation>
    </message>
    <message>
        <source>Demo order {key}</source>
        <translation>Demo na order {key}</translation>
    </message>
    <message>
        <source>Practice run {key}</source>
        <translation>Practice run {key}</translation>
    </message>
    <message>
        <source>Practice run of “{workflow}”</source>
        <translation>Practice run ng “{workflow}”</translation>
    </message>
    <message>
        <source>Order {key}</source>
        <translation>Order {key}</translation>
    </message>
    <message>
        <source>tried once</source>
        <translation>isang beses sinubukan</translation>
    </message>
    <message>
        <source>tried {n} times over {amount}</source>
        <translation>{n} beses sinubukan sa loob ng {amount}</translation>
    </message>
    <message>
        <source>Demo order of “{workflow}”</source>
        <translation>Demo na order ng “{workflow}”</translation>
    </message>
    <message>
        <source>Order of “{workflow}”</source>
        <translation>Order ng “{workflow}”</translation>
    </message>
    <message>
        <source>{order} for {customer}</source>
        <translation>{order} para kay {customer}</translation>
    </message>
    <message>
        <source>{order} waits at “{step}”; the steps after it are on hold.</source>
        <translation>{order}: naghihintay sa “{step}”; naka-hold ang mga kasunod na hakbang.</translation>
    </message>
    <message>
        <source>the system it calls</source>
        <translation>system na tinatawagan nito</translation>
    </message>
    <message>
        <source>Not known whether {done} — check {service} before retrying</source>
        <translation>Hindi alam kung {done} — tingnan muna ang {service} bago i-retry</translation>
    </message>
    <message>
        <source>Daloy did not try again, so nothing happens twice. If it went through, choose Skip and enter its result; if it did not, choose Retry.</source>
        <translation>Hindi na sumubok ulit ang Daloy, kaya walang mangyayaring doble. Kung pumasok ito, piliin ang I-skip at ilagay ang resulta nito; kung hindi, piliin ang I-retry.</translation>
    </message>
    <message>
        <source>{not_done}: {cause}</source>
        <translation>{not_done}: {cause}</translation>
    </message>
    <message>
        <source>Daloy checked with {service}: {nothing}. </source>
        <translation>Tiningnan ng Daloy sa {service}: {nothing}. </translation>
    </message>
    <message>
        <source>{what}. What to do: {next}</source>
        <translation>{what}. Ang gagawin: {next}</translation>
    </message>
    <message>
        <source>The order waits for your answer: {options}.</source>
        <translation>Hinihintay ng order ang sagot mo: {options}.</translation>
    </message>
    <message>
        <source>The order waits for your answer.</source>
        <translation>Hinihintay ng order ang sagot mo.</translation>
    </message>
    <message>
        <source>Something that arrived</source>
        <translation>Isang pumasok na item</translation>
    </message>
    <message>
        <source>{what} could not be read as an order: {reason}.</source>
        <translation>Hindi mabasa bilang order: {what} — {reason}.</translation>
    </message>
    <message>
        <source>No order was started and nobody was charged; what arrived is kept as it was. Enter the order by hand or ask the sender to fix it.</source>
        <translation>Walang order na sinimulan at walang siningil; nakatabi nang buo ang dumating. I-enter ang order nang mano-mano o pakiusapan ang nagpadala na ayusin ito.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Kabuuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Lagay</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Dahilan</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Natanggap</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Natapos</translation>
    </message>
    <message>
        <source>Practice run or demo</source>
        <translation>Practice run o demo</translation>
    </message>
    <message>
        <source>Run id</source>
        <translation>Run id</translation>
    </message>
</context>
<context>
    <name>Holds</name>
    <message>
        <source>every order that was in progress in the backup of {when}, restored as this workspace — check each one, then release</source>
        <translation>bawat order na tumatakbo pa sa backup ng {when}, na naibalik bilang workspace na ito — suriin ang bawat isa, saka i-release</translation>
    </message>
    <message>
        <source>every order that was in progress when the backup of {when} was put back — check each one, then release</source>
        <translation>bawat order na tumatakbo pa noong ibinalik ang backup ng {when} — suriin ang bawat isa, saka i-release</translation>
    </message>
    <message>
        <source>Held since {time}: {rule}.</source>
        <translation>Naka-hold mula {time}: {rule}.</translation>
    </message>
    <message>
        <source>Held since {time}: {rule}. In the workspace that was replaced, this order had gone on to: {steps}. Releasing runs those again; “Count as done” records them as done instead.</source>
        <translation>Naka-hold mula {time}: {rule}. Sa workspace na pinalitan, umusad na ang order na ito sa: {steps}. Kapag ni-release, tatakbo muli ang mga iyon; ang “Ituring na tapos” ay nagtatala sa kanila bilang tapos sa halip.</translation>
    </message>
    <message>
        <source>Held since {time}: {rule}. In the workspace this backup came from, this order has gone on to: {steps}. Releasing runs those again; “Count as done” records them as done instead.</source>
        <translation>Naka-hold mula {time}: {rule}. Sa workspace na pinagmulan ng backup na ito, umusad na ang order na ito sa: {steps}. Kapag ni-release, tatakbo muli ang mga iyon; ang “Ituring na tapos” ay nagtatala sa kanila bilang tapos sa halip.</translation>
    </message>
    <message>
        <source>Order {order} is not held by a put-back with steps it had done since; release its hold instead.</source>
        <translation>Ang order {order} ay hindi naka-hold dahil sa pagbabalik ng backup na may mga hakbang na nagawa na nito mula noon; i-release na lang ang hold nito.</translation>
    </message>
    <message>
        <source>Step “{step}” is running; wait for it, then try again.</source>
        <translation>Tumatakbo ang hakbang na “{step}”; hintayin ito, saka subukan muli.</translation>
    </message>
    <message>
        <source>In the workspace that was replaced, this order had gone on to: {steps}. Retrying, skipping or answering here does those again; “Count as done” records them as done instead.</source>
        <translation>Sa workspace na pinalitan, umusad na ang order na ito sa: {steps}. Kapag inulit, nilaktawan o sinagot dito, gagawin muli ang mga iyon; ang “Ituring na tapos” ay nagtatala sa kanila bilang tapos sa halip.</translation>
    </message>
    <message>
        <source>In the workspace this backup came from, this order has gone on to: {steps}. Retrying, skipping or answering here does those again; “Count as done” records them as done instead.</source>
        <translation>Sa workspace na pinagmulan ng backup na ito, umusad na ang order na ito sa: {steps}. Kapag inulit, nilaktawan o sinagot dito, gagawin muli ang mga iyon; ang “Ituring na tapos” ay nagtatala sa kanila bilang tapos sa halip.</translation>
    </message>
    <message>
        <source>Nothing was changed: in the workspace that was replaced, order {order} had gone on to: {steps}, and this would do those again. “Count as done” on its entry (or `daloy backup count-as-done {run}`) records them as done instead; to do them again on purpose, confirm it on its entry, or restart the order from “{step}”.</source>
        <translation>Walang binago: sa workspace na pinalitan, umusad na ang order {order} sa: {steps}, at gagawin itong muli ng aksiyong ito. Ang “Ituring na tapos” sa entry nito (o `daloy backup count-as-done {run}`) ay nagtatala sa kanila bilang tapos sa halip; para sadyang gawin muli, kumpirmahin ito sa entry nito, o simulan muli ang order mula sa “{step}”.</translation>
    </message>
    <message>
        <source>Nothing was changed: in the workspace this backup came from, order {order} has gone on to: {steps}, and this would do those again. “Count as done” on its entry (or `daloy backup count-as-done {run}`) records them as done instead; to do them again on purpose, confirm it on its entry, or restart the order from “{step}”.</source>
        <translation>Walang binago: sa workspace na pinagmulan ng backup na ito, umusad na ang order {order} sa: {steps}, at gagawin itong muli ng aksiyong ito. Ang “Ituring na tapos” sa entry nito (o `daloy backup count-as-done {run}`) ay nagtatala sa kanila bilang tapos sa halip; para sadyang gawin muli, kumpirmahin ito sa entry nito, o simulan muli ang order mula sa “{step}”.</translation>
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
        <source>{system} has failed again and again since {time} ({error}). Orders that need it wait here, nothing spent, and go on by themselves, oldest first, once it answers; Daloy tries it now and then. Try now if you know it is back; cancel all to stop the waiting orders.</source>
        <translation>Paulit-ulit nang pumapalya ang {system} mula {time} ({error}). Dito muna naghihintay ang mga order na kailangan ito, walang nagagastos, at kusa silang tutuloy, una ang pinakaluma, kapag sumagot na ito; sinusubukan ito ng Daloy paminsan-minsan. Piliin ang Subukan ngayon kung alam mong gumagana na ito; I-cancel lahat para itigil ang mga naghihintay na order.</translation>
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
        <source>The intake channel {channel} has not worked since {time}. The last error: {error} Orders from it are not coming in until this is fixed.</source>
        <translation>Hindi gumagana ang channel na {channel} mula {time}. Ang huling error: {error} Walang order na papasok mula rito hangga&apos;t hindi ito naaayos.</translation>
    </message>
    <message>
        <source>The intake channel {channel} has not worked since {time}. Daloy has had no answer from it. Orders from it are not coming in until this is fixed.</source>
        <translation>Hindi gumagana ang channel na {channel} mula {time}. Walang sagot mula rito ang natanggap ng Daloy. Walang order na papasok mula rito hangga&apos;t hindi ito naaayos.</translation>
    </message>
    <message>
        <source>The intake channel {channel} has not worked since it started at {time}. The last error: {error} Orders from it are not coming in until this is fixed.</source>
        <translation>Hindi pa gumagana ang channel na {channel} mula nang magsimula ito noong {time}. Ang huling error: {error} Walang order na papasok mula rito hangga&apos;t hindi ito naaayos.</translation>
    </message>
    <message>
        <source>The intake channel {channel} has not worked since it started at {time}. Daloy has had no answer from it. Orders from it are not coming in until this is fixed.</source>
        <translation>Hindi pa gumagana ang channel na {channel} mula nang magsimula ito noong {time}. Walang sagot mula rito ang natanggap ng Daloy. Walang order na papasok mula rito hangga&apos;t hindi ito naaayos.</translation>
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
    <message>
        <source>A scheduled task was missed</source>
        <translation>May naka-iskedyul na gawain na hindi natuloy</translation>
    </message>
    <message>
        <source>The task “{task}” was due at {time} and did not run (was the computer asleep?).</source>
        <translation>Dapat tumakbo ang gawaing “{task}” noong {time} pero hindi ito natuloy (naka-sleep ba ang computer?).</translation>
    </message>
    <message>
        <source>A background task failed</source>
        <translation>Pumalya ang isang gawain sa background</translation>
    </message>
    <message>
        <source>The task “{task}” failed: {error}</source>
        <translation>Pumalya ang gawaing “{task}”: {error}</translation>
    </message>
    <message>
        <source>Orders wait: “{workflow}” is switched off</source>
        <translation>May naghihintay na order: naka-off ang “{workflow}”</translation>
    </message>
    <message>
        <source>1 order waits for “{workflow}”: they arrived while it is switched off and are kept. They start as soon as you switch it on (Workflows → Switch on, or daloy workflow enable NAME); cancel any you do not want.</source>
        <translation>1 order ang naghihintay para sa “{workflow}”: dumating ito habang naka-off ito at itinabi. Magsisimula ito kapag in-on mo (Mga Workflow → I-on, o daloy workflow enable NAME); i-cancel ang ayaw mo.</translation>
    </message>
    <message>
        <source>{n} orders wait for “{workflow}”: they arrived while it is switched off and are kept. They start as soon as you switch it on (Workflows → Switch on, or daloy workflow enable NAME); cancel any you do not want.</source>
        <translation>{n} order ang naghihintay para sa “{workflow}”: dumating sila habang naka-off ito at itinabi. Magsisimula sila kapag in-on mo (Mga Workflow → I-on, o daloy workflow enable NAME); i-cancel ang ayaw mo.</translation>
    </message>
    <message>
        <source>Workflow “{workflow}” was skipped</source>
        <translation>Nilaktawan ang workflow na “{workflow}”</translation>
    </message>
    <message>
        <source>Daloy could not start the workflow “{workflow}”: {reason} It takes no orders until it is fixed (import a corrected version) or archived.</source>
        <translation>Hindi masimulan ng Daloy ang workflow na “{workflow}”: {reason} Hindi ito tatanggap ng order hangga&apos;t hindi naaayos (mag-import ng naitamang bersyon) o na-archive.</translation>
    </message>
    <message>
        <source>Passwords cannot be kept on this computer</source>
        <translation>Hindi maitatago ang mga password sa computer na ito</translation>
    </message>
    <message>
        <source>{platform} shop “{connection}” needs to be authorised again</source>
        <translation>Kailangang i-authorise ulit ang {platform} shop na “{connection}”</translation>
    </message>
    <message>
        <source>A backup failed</source>
        <translation>Pumalya ang isang backup</translation>
    </message>
    <message>
        <source>Daloy could not back up the orders: {error} The last good backup: {time}.</source>
        <translation>Hindi ma-backup ng Daloy ang mga order: {error} Ang huling maayos na backup: {time}.</translation>
    </message>
    <message>
        <source>No recent backup</source>
        <translation>Walang bagong backup</translation>
    </message>
    <message>
        <source>The last good backup of the orders is from {time}. Open Backups and choose “Back up now”, or check the backup folder (a USB disk may be unplugged).</source>
        <translation>Ang huling maayos na backup ng mga order ay mula {time}. Buksan ang Backups at piliin ang “Back up now”, o tingnan ang backup folder (baka natanggal ang USB disk).</translation>
    </message>
    <message>
        <source>{channel}: {n} scheduled run(s) missed</source>
        <translation>{channel}: {n} naka-iskedyul na takbo ang hindi natuloy</translation>
    </message>
    <message>
        <source>Daloy was not running (or the PC was asleep) at {n} scheduled time(s) between {first} and {last} UTC; it ran the workflow once now instead.</source>
        <translation>Hindi tumatakbo ang Daloy (o naka-sleep ang PC) sa {n} naka-iskedyul na oras mula {first} hanggang {last} UTC; pinatakbo nito ang workflow nang isang beses ngayon bilang kapalit.</translation>
    </message>
    <message>
        <source>Not known whether “{label}” went through ({cause}). Check with the service it calls before retrying — for a payment, whether the card was charged. If it went through, skip this step and enter its result; if it did not, retry it.</source>
        <translation>Hindi alam kung natuloy ang “{label}” ({cause}). Tingnan muna sa serbisyong tinatawagan nito bago i-retry — para sa bayad, kung nasingil ang card. Kung natuloy, i-skip ang hakbang na ito at ilagay ang resulta nito; kung hindi, i-retry ito.</translation>
    </message>
    <message>
        <source>{cause}; it will not be tried again on its own. Check the step, then retry or skip it.</source>
        <translation>{cause}; hindi na ito susubukan ulit nang kusa. Tingnan ang hakbang, saka i-retry o i-skip ito.</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>The message could not be parsed as an email.</source>
        <translation>Hindi mabasa ang mensahe bilang email.</translation>
    </message>
    <message>
        <source>the email “{subject}” from {sender}</source>
        <translation>email na “{subject}” mula kay {sender}</translation>
    </message>
    <message>
        <source>the email “{subject}”</source>
        <translation>email na “{subject}”</translation>
    </message>
    <message>
        <source>an email without a subject from {sender}</source>
        <translation>email na walang subject mula kay {sender}</translation>
    </message>
    <message>
        <source>an email without a subject</source>
        <translation>email na walang subject</translation>
    </message>
    <message>
        <source>The subject “{subject}” does not look like an order (expected it to match {pattern}).</source>
        <translation>Hindi mukhang order ang subject na “{subject}” (inaasahang tugma ito sa {pattern}).</translation>
    </message>
    <message>
        <source>The order lines in the attachment {filename} could not be read: the file seems damaged, or is not really a CSV or Excel file.</source>
        <translation>Hindi mabasa ang mga linya ng order sa attachment na {filename}: mukhang sira ang file, o hindi talaga ito CSV o Excel file.</translation>
    </message>
    <message>
        <source>The email has no {fields} (subject “{subject}”).</source>
        <translation>Walang {fields} ang email (subject “{subject}”).</translation>
    </message>
    <message>
        <source>{email} (UID {uid} in {folder})</source>
        <translation>{email} (UID {uid} sa {folder})</translation>
    </message>
    <message>
        <source>Email “{subject}” from {sender}</source>
        <translation>Email na “{subject}” mula kay {sender}</translation>
    </message>
    <message>
        <source>Daloy keeps {email} as it arrived.</source>
        <translation>Itinatago ng Daloy ang {email} gaya ng pagdating nito.</translation>
    </message>
    <message>
        <source>{why} {kept}</source>
        <translation>{why} {kept}</translation>
    </message>
    <message>
        <source>Daloy could not read {email}. It is kept as it arrived; open it to see what it says and enter the order by hand.</source>
        <translation>Hindi mabasa ng Daloy ang {email}. Itinatago ito gaya ng pagdating; buksan ito para makita ang laman at ilagay ang order nang mano-mano.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password of connection “{name}”. Correct them in the connection&apos;s settings.</source>
        <translation>Tinanggihan ng mail server ang user name o password ng koneksyon na “{name}”. Itama ang mga ito sa mga setting ng koneksyon.</translation>
    </message>
    <message>
        <source>The mail server of connection “{name}” stopped answering (it timed out). Daloy connects again and keeps trying.</source>
        <translation>Tumigil sumagot ang mail server ng koneksyon na “{name}” (nag-time out ito). Kumokonekta ulit ang Daloy at patuloy na sumusubok.</translation>
    </message>
    <message>
        <source>The mail server of connection “{name}” could not be reached or stopped answering. Daloy keeps trying; check that this computer is online.</source>
        <translation>Hindi maabot ang mail server ng koneksyon na “{name}” o tumigil itong sumagot. Patuloy na sumusubok ang Daloy; tingnan kung online ang computer na ito.</translation>
    </message>
    <message>
        <source>Reading the mailbox of connection “{name}” failed unexpectedly. Daloy keeps trying; the log has the details.</source>
        <translation>Hindi inaasahang pumalya ang pagbasa sa mailbox ng koneksyon na “{name}”. Patuloy na sumusubok ang Daloy; nasa log ang mga detalye.</translation>
    </message>
    <message>
        <source>The marketplace asked Daloy to slow down for {seconds} s; Daloy asks again after that.</source>
        <translation>Pinabagal ng marketplace ang Daloy nang {seconds} s; magtatanong ulit ang Daloy pagkatapos noon.</translation>
    </message>
    <message>
        <source>The marketplace had a problem on its side (error {status}); Daloy tries again later.</source>
        <translation>Nagkaproblema sa panig ng marketplace (error {status}); susubok ulit ang Daloy mamaya.</translation>
    </message>
    <message>
        <source>The marketplace refused the token of connection “{connection}” (error {status}). Enter a new one under Connections.</source>
        <translation>Tinanggihan ng marketplace ang token ng koneksyon na “{connection}” (error {status}). Maglagay ng bago sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>The marketplace sent an answer that is not JSON; the page was kept and will be asked for again.</source>
        <translation>Nagpadala ang marketplace ng sagot na hindi JSON; itinago ang page at hihingin ulit.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s page after {since}</source>
        <translation>Page ng marketplace pagkatapos ng {since}</translation>
    </message>
    <message>
        <source>The marketplace&apos;s first page</source>
        <translation>Unang page ng marketplace</translation>
    </message>
    <message>
        <source>The marketplace sent an answer that is not JSON.</source>
        <translation>Nagpadala ang marketplace ng sagot na hindi JSON.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s answer has no list of orders at “{path}”; check “Where the orders are” in the trigger&apos;s settings.</source>
        <translation>Walang listahan ng mga order ang sagot ng marketplace sa “{path}”; tingnan ang “Kung nasaan ang mga order” sa mga setting ng trigger.</translation>
    </message>
    <message>
        <source>An order from the marketplace has no “{field}”.</source>
        <translation>Walang “{field}” ang isang order mula sa marketplace.</translation>
    </message>
    <message>
        <source>A page of orders from {platform} shop “{shop}”</source>
        <translation>Isang pahina ng mga order mula sa {platform} shop na “{shop}”</translation>
    </message>
    <message>
        <source>An order from {platform} shop “{shop}” could not be read ({why}). It is kept here; enter it by hand or ask the shop&apos;s support.</source>
        <translation>Hindi mabasa ang isang order mula sa {platform} shop na “{shop}” ({why}). Nakatago ito rito; ilagay ito nang mano-mano o magtanong sa support ng shop.</translation>
    </message>
    <message>
        <source>An order from {platform} shop “{shop}” could not be read. It is kept here; enter it by hand or ask the shop&apos;s support.</source>
        <translation>Hindi mabasa ang isang order mula sa {platform} shop na “{shop}”. Nakatago ito rito; ilagay ito nang mano-mano o magtanong sa support ng shop.</translation>
    </message>
    <message>
        <source>{platform} order {id}</source>
        <translation>Order {id} mula sa {platform}</translation>
    </message>
    <message>
        <source>A {platform} webhook could not be checked: {why}</source>
        <translation>Hindi ma-check ang isang {platform} webhook: {why}</translation>
    </message>
    <message>
        <source>{platform} shop “{shop}” pushed an order Daloy cannot read (not JSON as JSON is written, or not an order). It is kept here; the next check of the shop asks for the order again.</source>
        <translation>Nagpadala ang {platform} shop na “{shop}” ng order na hindi mabasa ng Daloy (hindi wastong JSON, o hindi order). Nakatabi ito rito; sa susunod na pagtingin sa shop, hihingin ulit ng Daloy ang order.</translation>
    </message>
    <message>
        <source>A {platform} webhook post</source>
        <translation>Isang webhook post ng {platform}</translation>
    </message>
    <message>
        <source>{channel} could not reach its server, or the server stopped answering. Daloy keeps trying; check that this computer is online.</source>
        <translation>Hindi maabot ng {channel} ang server nito, o tumigil sumagot ang server. Patuloy na sumusubok ang Daloy; tingnan kung online ang computer na ito.</translation>
    </message>
    <message>
        <source>{channel} got an answer Daloy could not read. Daloy keeps trying; the log has the details.</source>
        <translation>Nakatanggap ang {channel} ng sagot na hindi mabasa ng Daloy. Patuloy na sumusubok ang Daloy; nasa log ang mga detalye.</translation>
    </message>
    <message>
        <source>This order holds a value Daloy cannot store (a number that is not a number, or is infinite). It is kept here as it came; enter it by hand with that value corrected.</source>
        <translation>May value ang order na ito na hindi maiimbak ng Daloy (numerong hindi numero, o walang hangganan). Nakatabi ito rito gaya ng pagdating; ilagay ito nang mano-mano na naitama ang value na iyon.</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>The rest of an order that could not ship at once: waits until the operator says the stock is in, then fulfils it as its own order through “Order fulfilment” (charged when it ships), or tells the customer it was cancelled.</source>
        <translation>Ang natira sa order na hindi naipadala agad: naghihintay hanggang sabihin mong dumating na ang stock, saka ito tinutupad bilang sariling order sa “Order fulfilment” (sinisingil pag naipadala na), o sinasabihan ang customer na na-cancel ito.</translation>
    </message>
    <message>
        <source>Wait until the stock is in</source>
        <translation>Hintayin ang stock</translation>
    </message>
    <message>
        <source>Backorder {{ trigger.order.number }} for {{ trigger.order.customer.name }} (the rest of order {{ trigger.order.backorder_of }}): {% for l in trigger.order.lines %}{{ l.qty }} × {{ l.name ~ &apos; (&apos; ~ l.sku ~ &apos;)&apos; if l.name | default(&apos;&apos;, true) else l.sku }}{% if not loop.last %}; {% endif %}{% endfor %}. When the stock has arrived and is counted in the stock sheet, choose “Stock is in: ship it”.</source>
        <translation>Backorder {{ trigger.order.number }} ni {{ trigger.order.customer.name }} (ang natira sa order {{ trigger.order.backorder_of }}): {% for l in trigger.order.lines %}{{ l.qty }} × {{ l.name ~ &apos; (&apos; ~ l.sku ~ &apos;)&apos; if l.name | default(&apos;&apos;, true) else l.sku }}{% if not loop.last %}, {% endif %}{% endfor %}. Pag dumating na ang stock at naitala na sa stock sheet, piliin ang “Dumating na ang stock: ipadala”.</translation>
    </message>
    <message>
        <source>Stock is in: ship it</source>
        <translation>Dumating na ang stock: ipadala</translation>
    </message>
    <message>
        <source>Cancel the backorder (nothing is charged)</source>
        <translation>I-cancel ang backorder (walang sisingilin)</translation>
    </message>
    <message>
        <source>Note for the customer</source>
        <translation>Tala para sa customer</translation>
    </message>
    <message>
        <source>Fulfil it as its own order</source>
        <translation>Tuparin bilang sariling order</translation>
    </message>
    <message>
        <source>Email the customer: backorder cancelled</source>
        <translation>I-email ang customer: na-cancel ang backorder</translation>
    </message>
    <message>
        <source>Every order, from any channel: check stock line by line; when a line is short, ask whether to substitute, backorder or cancel; charge for what ships now, take it off the stock, tell the warehouse, and tell the customer what ships now and what later.</source>
        <translation>Bawat order, mula sa kahit anong channel: tingnan ang stock kada linya; pag kulang ang isang linya, itanong kung papalitan, i-backorder o i-cancel; singilin ang maipapadala ngayon, ibawas ito sa stock, sabihan ang bodega, at sabihan ang customer kung ano ang maipapadala ngayon at ano ang susunod.</translation>
    </message>
    <message>
        <source>Shop settings</source>
        <translation>Mga setting ng shop</translation>
    </message>
    <message>
        <source>Read the order</source>
        <translation>Basahin ang order</translation>
    </message>
    <message>
        <source>Check stock, line by line</source>
        <translation>Tingnan ang stock kada linya</translation>
    </message>
    <message>
        <source>Is every line in stock?</source>
        <translation>May stock ba lahat ng linya?</translation>
    </message>
    <message>
        <source>List products that could replace it</source>
        <translation>Ilista ang mga produktong puwedeng ipalit</translation>
    </message>
    <message>
        <source>Not enough stock: ask what to do</source>
        <translation>Kulang ang stock: itanong ang gagawin</translation>
    </message>
    <message>
        <source>Not enough stock for {{ steps.order.output.customer.name }}: {% for s in steps.check_stock.output.short %}{{ s.name ~ &apos; (&apos; ~ s.key ~ &apos;)&apos; if s.name | default(&apos;&apos;, true) else s.key }}: {{ s.wanted }} ordered, {{ s.available }} in stock. {% endfor %}Substitute the missing items with another product, backorder them (ship what is in stock now, the rest later as its own order), or cancel the order?</source>
        <translation>Kulang ang stock sa order ni {{ steps.order.output.customer.name }}: {% for s in steps.check_stock.output.short %}{{ s.name ~ &apos; (&apos; ~ s.key ~ &apos;)&apos; if s.name | default(&apos;&apos;, true) else s.key }}: {{ s.wanted }} ang in-order, {{ s.available }} ang may stock. {% endfor %}Papalitan ba ng ibang produkto ang kulang, i-backorder (ipadala ngayon ang may stock, ang natira mamaya bilang sariling order), o i-cancel ang order?</translation>
    </message>
    <message>
        <source>Substitute with the chosen product</source>
        <translation>Palitan ng napiling produkto</translation>
    </message>
    <message>
        <source>Backorder: ship what we have, the rest later</source>
        <translation>I-backorder: ipadala ang meron, ang natira mamaya</translation>
    </message>
    <message>
        <source>Cancel the order (nothing is charged)</source>
        <translation>I-cancel ang order (walang sisingilin)</translation>
    </message>
    <message>
        <source>Substitute product</source>
        <translation>Pamalit na produkto</translation>
    </message>
    <message>
        <source>Check stock of the substitute</source>
        <translation>Tingnan ang stock ng pamalit</translation>
    </message>
    <message>
        <source>Decide what ships now and what later</source>
        <translation>Alamin ang ipapadala ngayon at mamaya</translation>
    </message>
    <message>
        <source>Anything to ship now?</source>
        <translation>May maipapadala ba ngayon?</translation>
    </message>
    <message>
        <source>Charge the customer for what ships now</source>
        <translation>Singilin ang customer sa ipapadala ngayon</translation>
    </message>
    <message>
        <source>Take what ships off the stock</source>
        <translation>Ibawas sa stock ang ipapadala</translation>
    </message>
    <message>
        <source>Tell the warehouse what to pack</source>
        <translation>Sabihan ang bodega kung ano ang iimpake</translation>
    </message>
    <message>
        <source>Did the customer give an email address?</source>
        <translation>Nagbigay ba ng email address ang customer?</translation>
    </message>
    <message>
        <source>Email the customer what ships now and later</source>
        <translation>I-email sa customer ang ipapadala ngayon at mamaya</translation>
    </message>
    <message>
        <source>Anything left for later?</source>
        <translation>May natira ba para mamaya?</translation>
    </message>
    <message>
        <source>Start the backorder for the rest</source>
        <translation>Simulan ang backorder ng natira</translation>
    </message>
    <message>
        <source>Email the customer: order cancelled</source>
        <translation>I-email ang customer: na-cancel ang order</translation>
    </message>
    <message>
        <source>The backorder ends cancelled</source>
        <translation>Na-cancel ang backorder, dito ito nagtatapos</translation>
    </message>
    <message>
        <source>Cancelled while waiting for the stock</source>
        <translation>Na-cancel habang hinihintay ang stock</translation>
    </message>
    <message>
        <source>The order ends cancelled</source>
        <translation>Na-cancel ang order, dito ito nagtatapos</translation>
    </message>
    <message>
        <source>Cancelled at the stock question</source>
        <translation>Pinili ang i-cancel sa tanong tungkol sa stock</translation>
    </message>
</context>
<context>
    <name>Shop</name>
    <message>
        <source>Daloy could not write a new stock sheet in {folder} ({reason}). Choose another folder, such as your Documents folder.</source>
        <translation>Hindi makagawa ang Daloy ng bagong stock sheet sa {folder} ({reason}). Pumili ng ibang folder, gaya ng Documents folder mo.</translation>
    </message>
    <message>
        <source>{folder} already holds {count} stock sheets made by Daloy; choose another folder.</source>
        <translation>May {count} stock sheet na ginawa ng Daloy sa {folder}; pumili ng ibang folder.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Attempts</source>
        <translation>Ilang subok</translation>
    </message>
    <message>
        <source>First wait (s)</source>
        <translation>Unang hintay (s)</translation>
    </message>
    <message>
        <source>Wait multiplier</source>
        <translation>Pagpaparami ng hintay</translation>
    </message>
    <message>
        <source>Longest wait (s)</source>
        <translation>Pinakamahabang hintay (s)</translation>
    </message>
    <message>
        <source>Jitter (fraction)</source>
        <translation>Jitter (bahagi)</translation>
    </message>
    <message>
        <source>Time limit per attempt (s)</source>
        <translation>Limitasyon ng oras bawat subok (s)</translation>
    </message>
    <message>
        <source>Ask a person</source>
        <translation>Magtanong sa tao</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mga tao</translation>
    </message>
    <message>
        <source>Let the operator decide, e.g. substitute or backorder.</source>
        <translation>Ipaubaya sa operator ang desisyon, hal. substitute o backorder.</translation>
    </message>
    <message>
        <source>Stops this order and asks the operator a question in the exceptions inbox, with the context they need (for example the short lines) and one button per option. Each option is its own output, so the order continues down the branch that was chosen. Optional fields let the person add details (a note for the customer); a field with “choices” is a list to pick from (e.g. the products in stock, from a spreadsheet step&apos;s output.list, shown by “label_key” and saved as “value_key”; “detail_keys” adds columns in brackets, e.g. the stock and price), and “required_for” names the options that need it filled in. After the deadline a reminder appears, and after twice the deadline an escalation.</source>
        <translation>Itinitigil ang order na ito at nagtatanong sa operator sa Inbox, kasama ang kailangan niyang makita (halimbawa ang mga linyang kulang) at isang button bawat pagpipilian. Bawat pagpipilian ay sariling output, kaya tutuloy ang order sa sangay na pinili. Sa mga opsyonal na field, puwedeng magdagdag ng detalye ang tao (tala para sa customer); ang field na may “choices” ay listahang pagpipilian (hal. mga produktong may stock, mula sa output.list ng isang spreadsheet na hakbang, ipinapakita ayon sa “label_key” at sine-save bilang “value_key”; idinadagdag ng “detail_keys” ang mga column sa loob ng panaklong, hal. ang stock at presyo), at sinasabi ng “required_for” kung aling mga pagpipilian ang nangangailangang mapunan ito. Pagkalampas ng deadline may lalabas na paalala, at pagkalampas ng doble ng deadline, escalation.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Tanong</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Konteksto</translation>
    </message>
    <message>
        <source>Data shown with the question (templates allowed).</source>
        <translation>Datos na ipinapakita kasama ng tanong (puwede ang template).</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Mga pagpipilian</translation>
    </message>
    <message>
        <source>Each option: {&quot;name&quot;: &quot;backorder&quot;, &quot;label&quot;: &quot;Backorder&quot;}.</source>
        <translation>Bawat pagpipilian: {&quot;name&quot;: &quot;backorder&quot;, &quot;label&quot;: &quot;Backorder&quot;}.</translation>
    </message>
    <message>
        <source>Fields to fill in</source>
        <translation>Mga field na pupunan</translation>
    </message>
    <message>
        <source>A list of {&quot;name&quot;: ..., &quot;label&quot;: ...} the person may fill in; add &quot;choices&quot; (a list, or a template giving one) to offer a pick list, and &quot;required_for&quot;: [option names] where it must be filled in.</source>
        <translation>Listahan ng {&quot;name&quot;: ..., &quot;label&quot;: ...} na puwedeng punan ng tao; idagdag ang &quot;choices&quot; (listahan, o template na nagbibigay nito) para may mapagpilian, at &quot;required_for&quot;: [mga pangalan ng pagpipilian] kung saan ito dapat punan.</translation>
    </message>
    <message>
        <source>Deadline (minutes)</source>
        <translation>Deadline (minuto)</translation>
    </message>
    <message>
        <source>The answer chosen</source>
        <translation>Ang napiling sagot</translation>
    </message>
    <message>
        <source>What the person filled in</source>
        <translation>Ang inilagay ng tao</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Sumagot</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Oras ng pagsagot</translation>
    </message>
    <message>
        <source>The choices of the field “{field}” must be a list; they came out as “{choices}”.</source>
        <translation>Dapat listahan ang mga pagpipilian ng field na “{field}”; ang lumabas ay “{choices}”.</translation>
    </message>
    <message>
        <source>If / else</source>
        <translation>Kung / kung hindi</translation>
    </message>
    <message>
        <source>Logic</source>
        <translation>Lohika</translation>
    </message>
    <message>
        <source>Go one way or the other depending on the data.</source>
        <translation>Dumaan sa isang daan o sa iba, depende sa datos.</translation>
    </message>
    <message>
        <source>Checks something about the order and goes on along the “true” connection when it holds, otherwise along “false”. Write the whole check inside double braces: {{ trigger.order.total &gt; 5000 }} holds for orders over 5,000. An answer of “true”, “yes” or “1” counts as true; “false”, “no”, “0” or nothing counts as false.</source>
        <translation>Sinusuri ang isang bagay sa order at tumutuloy sa koneksyong “true” kapag totoo ito, kung hindi ay sa “false”. Isulat ang buong pagsusuri sa loob ng dobleng braces: totoo ang {{ trigger.order.total &gt; 5000 }} para sa mga order na higit sa 5,000. Ang sagot na “true”, “yes” o “1” ay totoo; ang “false”, “no”, “0” o walang laman ay hindi.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Kondisyon</translation>
    </message>
    <message>
        <source>The answer (yes or no)</source>
        <translation>Ang sagot (oo o hindi)</translation>
    </message>
    <message>
        <source>“{outside}” is outside the braces, so the condition gives text, not true or false, and every order would stop here. Put the whole comparison inside the braces: {fixed}</source>
        <translation>Nasa labas ng mga brace ang “{outside}”, kaya text ang ibinibigay ng kondisyon, hindi true o false, at titigil dito ang bawat order. Ilagay ang buong paghahambing sa loob ng mga brace: {fixed}</translation>
    </message>
    <message>
        <source>The condition gave “{value}”, which is neither true nor false. Correct it in the workflow so it gives true or false (a comparison goes whole inside the braces, as in {{{{ steps.plan.output.total &gt; 5000 }}}}), then retry.</source>
        <translation>Ang ibinigay ng kondisyon ay “{value}”, na hindi true o false. Itama ito sa workflow para true o false ang ibigay nito (buo sa loob ng mga brace ang paghahambing, gaya ng {{{{ steps.plan.output.total &gt; 5000 }}}}), saka i-retry.</translation>
    </message>
    <message>
        <source>For each item</source>
        <translation>Sa bawat item</translation>
    </message>
    <message>
        <source>Run a chain of steps once per order line.</source>
        <translation>Patakbuhin ang mga hakbang nang isang beses bawat linya ng order.</translation>
    </message>
    <message>
        <source>Runs the chosen workflow once for every item of a list (for example each order line), at most “At the same time” items in parallel, and collects their results in output.results, in the order of the list. An item that fails holds only its own run (it shows in the inbox); the others go on, and this step waits until all are done.</source>
        <translation>Pinapatakbo ang napiling workflow nang isang beses para sa bawat item ng listahan (halimbawa bawat linya ng order), hanggang “Sabay-sabay” na item nang sabay, at iniipon ang mga resulta sa output.results, ayon sa pagkakasunod ng listahan. Ang item na pumalya ay sarili lang nitong takbo ang naka-hold (lalabas ito sa Inbox); tuloy ang iba, at hihintayin ng hakbang na ito na matapos lahat.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Mga item</translation>
    </message>
    <message>
        <source>Workflow for one item</source>
        <translation>Workflow para sa isang item</translation>
    </message>
    <message>
        <source>At the same time</source>
        <translation>Sabay-sabay</translation>
    </message>
    <message>
        <source>What each item produced</source>
        <translation>Ang resulta ng bawat item</translation>
    </message>
    <message>
        <source>The items&apos; orders</source>
        <translation>Ang mga order ng mga item</translation>
    </message>
    <message>
        <source>“Items” must be a list (for example {example}).</source>
        <translation>Dapat listahan ang “Items” (halimbawa {example}).</translation>
    </message>
    <message>
        <source>Call a web API</source>
        <translation>Tumawag sa web API</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kumonekta</translation>
    </message>
    <message>
        <source>Send a request to a payment gateway, warehouse or other web service.</source>
        <translation>Magpadala ng request sa payment gateway, bodega o ibang web service.</translation>
    </message>
    <message>
        <source>Sends an HTTP request and waits for the answer. Every attempt carries the same Idempotency-Key header, so a service that honours it (payment gateways do) never acts twice. Server errors (5xx), throttling (429), refused connections and timeouts are retried; client errors (4xx) go to the inbox. When the request was sent but no answer came, Daloy first asks the service with the “Look-up URL” whether it went through, and only sends again when it did not. Without a Look-up URL, GET, PUT and DELETE are sent again, and an unanswered POST or PATCH goes to the inbox for a person to check. The answer is available as output.status and output.body.</source>
        <translation>Nagpapadala ng HTTP request at hinihintay ang sagot. Pare-pareho ang Idempotency-Key header ng bawat subok, kaya ang service na sumusunod dito (gaya ng mga payment gateway) ay hindi kailanman kikilos nang dalawang beses. Ang server error (5xx), throttling (429), tinanggihang koneksyon at timeout ay ire-retry; ang client error (4xx) ay mapupunta sa Inbox. Kapag naipadala ang request pero walang sagot, tatanungin muna ng Daloy ang service gamit ang “Look-up URL” kung pumasok ito, at magpapadala lang ulit kapag hindi. Kapag walang Look-up URL, ipapadala ulit ang GET, PUT at DELETE, at ang POST o PATCH na walang sagot ay mapupunta sa Inbox para tingnan ng tao. Makukuha ang sagot bilang output.status at output.body.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Koneksyon</translation>
    </message>
    <message>
        <source>Optional: a saved HTTP API connection that supplies the base URL and credentials (kept in the system keyring). Its credentials are only sent to URLs under its base URL.</source>
        <translation>Opsyonal: isang naka-save na koneksyon sa HTTP API na nagbibigay ng base URL at credentials (nasa system keyring). Ipinapadala lang ang credentials nito sa mga URL na nasa ilalim ng base URL nito.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Full URL, or a path relative to the connection&apos;s base URL.</source>
        <translation>Buong URL, o path na kasunod ng base URL ng koneksyon.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Mga header</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>Ang ipapadala</translation>
    </message>
    <message>
        <source>Sent as JSON; text values may use templates.</source>
        <translation>Ipinapadala bilang JSON; puwedeng gumamit ng template ang mga text na value.</translation>
    </message>
    <message>
        <source>Time limit (seconds)</source>
        <translation>Limitasyon ng oras (segundo)</translation>
    </message>
    <message>
        <source>Look-up URL</source>
        <translation>Look-up URL</translation>
    </message>
    <message>
        <source>GET this URL to find out whether an unanswered request went through (200: it did, 404: it did not). Use {{ idempotency_key }} in it. Without it, an unanswered POST or PATCH waits for a person.</source>
        <translation>I-GET ang URL na ito para malaman kung pumasok ang request na walang sagot (200: pumasok, 404: hindi). Gamitin ang {{ idempotency_key }} dito. Kapag wala ito, maghihintay ng tao ang POST o PATCH na walang sagot.</translation>
    </message>
    <message>
        <source>Answer code (200 to 299: it worked)</source>
        <translation>Code ng sagot (200 hanggang 299: gumana)</translation>
    </message>
    <message>
        <source>What the service answered</source>
        <translation>Ang isinagot ng serbisyo</translation>
    </message>
    <message>
        <source>Connection “{name}” cannot be used here.</source>
        <translation>Hindi magagamit dito ang koneksyong “{name}”.</translation>
    </message>
    <message>
        <source>Connection “{name}” has no base URL, so Daloy does not know where its credentials may be sent. Set its base URL (for example {example}) under Connections, then retry this step.</source>
        <translation>Walang base URL ang koneksyong “{name}”, kaya hindi alam ng Daloy kung saan puwedeng ipadala ang mga credential nito. Ilagay ang base URL nito (halimbawa {example}) sa Mga Koneksyon, saka i-retry ang hakbang na ito.</translation>
    </message>
    <message>
        <source>The URL “{url}” must start with http:// or https://.</source>
        <translation>Dapat magsimula sa http:// o https:// ang URL na “{url}”.</translation>
    </message>
    <message>
        <source>The URL {url} cannot be read ({why}); check the step&apos;s URL and the base URL of connection “{name}”.</source>
        <translation>Hindi mabasa ang URL na {url} ({why}); tingnan ang URL ng hakbang at ang base URL ng koneksyong “{name}”.</translation>
    </message>
    <message>
        <source>The URL {url} is outside the connection “{name}” ({base}): Daloy only sends a connection&apos;s credentials to its own address. Use a path under that address, or a separate connection for the other service.</source>
        <translation>Nasa labas ng koneksyong “{name}” ({base}) ang URL na {url}: sa sariling address lang ng koneksyon ipinapadala ng Daloy ang mga credential nito. Gumamit ng path sa ilalim ng address na iyon, o ng hiwalay na koneksyon para sa kabilang serbisyo.</translation>
    </message>
    <message>
        <source>{url} answered {status} {phrase}: {detail}</source>
        <translation>Sumagot ang {url} ng {status} {phrase}: {detail}</translation>
    </message>
    <message>
        <source>{url} answered {status} {phrase}</source>
        <translation>Sumagot ang {url} ng {status} {phrase}</translation>
    </message>
    <message>
        <source>Could not reach {url}: {why}.</source>
        <translation>Hindi maabot ang {url}: {why}.</translation>
    </message>
    <message>
        <source>{url} did not answer in time ({why}).</source>
        <translation>Hindi sumagot sa oras ang {url} ({why}).</translation>
    </message>
    <message>
        <source>{url} received the request but did not answer ({why}); Daloy will check whether it went through before sending it again.</source>
        <translation>Natanggap ng {url} ang request pero hindi ito sumagot ({why}); titingnan muna ng Daloy kung natuloy ito bago ipadala ulit.</translation>
    </message>
    <message>
        <source>The request to {url} could not be sent: {why}. Check the step&apos;s headers and the connection&apos;s token, then retry.</source>
        <translation>Hindi maipadala ang request sa {url}: {why}. Tingnan ang mga header ng hakbang at ang token ng koneksyon, saka i-retry.</translation>
    </message>
    <message>
        <source>The request to {url} failed: {why}.</source>
        <translation>Pumalya ang request sa {url}: {why}.</translation>
    </message>
    <message>
        <source>Could not find out whether the earlier request went through: {url} did not answer ({why}).</source>
        <translation>Hindi malaman kung natuloy ang naunang request: hindi sumagot ang {url} ({why}).</translation>
    </message>
    <message>
        <source>Could not find out whether the earlier request went through: {answer}.</source>
        <translation>Hindi malaman kung natuloy ang naunang request: {answer}.</translation>
    </message>
    <message>
        <source>Notify a chat</source>
        <translation>Mag-abiso sa chat</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mga mensahe</translation>
    </message>
    <message>
        <source>Post a message to the warehouse&apos;s chat channel.</source>
        <translation>Mag-post ng mensahe sa chat channel ng bodega.</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook URL</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensahe</translation>
    </message>
    <message>
        <source>Webhook ignores repeats</source>
        <translation>Hindi dinodoble ng webhook ang inulit na post</translation>
    </message>
    <message>
        <source>Sends a message to a chat the warehouse already reads, so it hears about the order there. Slack, Google Chat, Teams, Viber bots and the like give a chat a web address for incoming messages (a “webhook”): paste it here. In the message, parts in double braces such as {{ trigger.order.number }} are filled in from the order.</source>
        <translation>Nagpapadala ng mensahe sa chat na binabasa na ng bodega, para doon nila malaman ang order. Nagbibigay ang Slack, Google Chat, Teams, mga Viber bot at iba pa ng web address para sa mga papasok na mensahe ng chat (isang “webhook”): i-paste ito rito. Sa mensahe, pinupunan mula sa order ang mga bahaging nasa dobleng braces gaya ng {{ trigger.order.number }}.</translation>
    </message>
    <message>
        <source>Message in the chat&apos;s own format (advanced)</source>
        <translation>Mensahe sa sariling format ng chat (advanced)</translation>
    </message>
    <message>
        <source>Only for a chat that needs more than a text: what to send instead of the message, written as that chat&apos;s instructions give it (JSON).</source>
        <translation>Para lang sa chat na nangangailangan ng higit sa teksto: ang ipapadala sa halip na ang mensahe, isinulat ayon sa mga tagubilin ng chat na iyon (JSON).</translation>
    </message>
    <message>
        <source>Tick only if the chat&apos;s instructions say it shows a message sent twice with the same Idempotency-Key once. Then, when the chat does not answer, Daloy sends again by itself; otherwise it asks you to look in the chat first.</source>
        <translation>I-tick lang kung sinasabi ng mga tagubilin ng chat na isang beses lang nito ipinapakita ang mensaheng dalawang beses na ipinadala na may parehong Idempotency-Key. Kung gayon, kapag hindi sumagot ang chat, kusang magpapadala ulit ang Daloy; kung hindi, hihilingin muna nitong tingnan mo ang chat.</translation>
    </message>
    <message>
        <source>The message sent</source>
        <translation>Ang mensaheng ipinadala</translation>
    </message>
    <message>
        <source>Not known whether the message reached the chat webhook {url}: {why}. Look in the channel before retrying; if the message is there, skip this step instead.</source>
        <translation>Hindi alam kung nakarating ang mensahe sa chat webhook na {url}: {why}. Tingnan muna ang channel bago i-retry; kung nandoon na ang mensahe, i-skip na lang ang hakbang na ito.</translation>
    </message>
    <message>
        <source>The chat webhook {url} did not answer: {why}.</source>
        <translation>Hindi sumagot ang chat webhook na {url}: {why}.</translation>
    </message>
    <message>
        <source>Give the message to post (or a custom JSON body).</source>
        <translation>Ibigay ang mensaheng ipo-post (o sariling JSON body).</translation>
    </message>
    <message>
        <source>The chat webhook {url} did not answer ({why}); sending again with the same Idempotency-Key.</source>
        <translation>Hindi sumagot ang chat webhook na {url} ({why}); ipapadala ulit gamit ang parehong Idempotency-Key.</translation>
    </message>
    <message>
        <source>it received the post but did not answer ({why})</source>
        <translation>natanggap nito ang post pero hindi sumagot ({why})</translation>
    </message>
    <message>
        <source>The chat webhook answered {status}; trying again later.</source>
        <translation>Sumagot ang chat webhook ng {status}; susubukan ulit mamaya.</translation>
    </message>
    <message>
        <source>The chat webhook refused the message ({status}: {said}).</source>
        <translation>Tinanggihan ng chat webhook ang mensahe ({status}: {said}).</translation>
    </message>
    <message>
        <source>Daloy stopped or gave up waiting while posting it</source>
        <translation>huminto ang Daloy o tumigil sa paghihintay habang pino-post ito</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>i-ship</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>i-cancel</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>stock</translation>
    </message>
    <message>
        <source>Tell the shop (ship, cancel, stock)</source>
        <translation>Sabihan ang shop (ship, cancel, stock)</translation>
    </message>
    <message>
        <source>Report a shipment with its tracking number, cancel an order, or set stock, on Shopify, WooCommerce, Shopee or Lazada.</source>
        <translation>Iulat ang padala kasama ang tracking number, i-cancel ang order, o itakda ang stock, sa Shopify, WooCommerce, Shopee o Lazada.</translation>
    </message>
    <message>
        <source>Answers the shop the order came from, through the connection chosen (its kind is the platform). “ship”: marks the order shipped with the tracking number and carrier, and the platform tells the buyer; an order the buyer has cancelled in the meantime is not reported shipped (the step stops and says so). “cancel”: cancels the order with the reason given. “stock”: sets the stock level of a SKU to the quantity given. Rate limits are honoured (Retry-After); a refused key goes to the inbox with what to fix. Output: action, platform, order_id and what the platform answered (result).</source>
        <translation>Sinasagot ang shop na pinanggalingan ng order, sa pamamagitan ng napiling koneksyon (ang uri nito ang platform). “i-ship” (ship): minamarkahang naipadala ang order kasama ang tracking number at carrier, at ang platform ang magsasabi sa buyer; ang order na na-cancel ng buyer sa pagitan nito ay hindi iuulat na naipadala (titigil ang hakbang at sasabihin ito). “i-cancel” (cancel): kina-cancel ang order kasama ang ibinigay na dahilan. “stock”: itinatakda ang stock ng isang SKU sa ibinigay na dami. Sinusunod ang rate limit (Retry-After); ang tinanggihang key ay mapupunta sa Inbox kasama ang dapat ayusin. Output: action, platform, order_id at ang isinagot ng platform (result).</translation>
    </message>
    <message>
        <source>What to tell the shop</source>
        <translation>Ano ang sasabihin sa shop</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>The shop&apos;s connection (Shopify, WooCommerce, Shopee or Lazada).</source>
        <translation>Ang koneksyon ng shop (Shopify, WooCommerce, Shopee o Lazada).</translation>
    </message>
    <message>
        <source>Platform order id</source>
        <translation>Order id sa platform</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Tracking page (address)</source>
        <translation>Tracking page (address)</translation>
    </message>
    <message>
        <source>Let the platform tell the buyer</source>
        <translation>Ang platform ang magsasabi sa buyer</translation>
    </message>
    <message>
        <source>Reason (cancel)</source>
        <translation>Dahilan (cancel)</translation>
    </message>
    <message>
        <source>Shopify: customer, inventory, fraud, declined or other; Shopee: words with “stock” or “inventory” cancel as out of stock, others as the buyer&apos;s request; WooCommerce and Lazada keep the words as a note.</source>
        <translation>Shopify: customer, inventory, fraud, declined o other; Shopee: ang mga salitang may “stock” o “inventory” ay cancel dahil ubos ang stock, ang iba ay dahil hiling ng buyer; sa WooCommerce at Lazada, itinatabi ang mga salita bilang tala.</translation>
    </message>
    <message>
        <source>SKU (stock)</source>
        <translation>SKU (stock)</translation>
    </message>
    <message>
        <source>Stock level (stock)</source>
        <translation>Dami ng stock (stock)</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ang ginawa</translation>
    </message>
    <message>
        <source>The shop&apos;s platform</source>
        <translation>Ang platform ng tindahan</translation>
    </message>
    <message>
        <source>The order&apos;s number on the platform</source>
        <translation>Ang numero ng order sa platform</translation>
    </message>
    <message>
        <source>What the shop answered</source>
        <translation>Ang isinagot ng tindahan</translation>
    </message>
    <message>
        <source>Choose the shop&apos;s connection for this step.</source>
        <translation>Piliin ang koneksyon ng shop para sa hakbang na ito.</translation>
    </message>
    <message>
        <source>Connection “{name}” is a {kind} connection; this step needs a Shopify, WooCommerce, Shopee or Lazada one.</source>
        <translation>Koneksyong {kind} ang “{name}”; kailangan ng hakbang na ito ang koneksyong Shopify, WooCommerce, Shopee o Lazada.</translation>
    </message>
    <message>
        <source>There is no tracking number to report; fill in “Tracking number” (from the courier step), then retry.</source>
        <translation>Walang tracking number na maiuulat; punan ang “Tracking number” (mula sa hakbang ng courier), saka i-retry.</translation>
    </message>
    <message>
        <source>There is no platform order id; this step answers orders that came from a shop ({field}).</source>
        <translation>Walang platform order id; para lang sa mga order na galing sa shop ang hakbang na ito ({field}).</translation>
    </message>
    <message>
        <source>The buyer cancelled order {order} on {platform}; Daloy did not report it shipped. Cancel this run, or skip this step if the parcel already left.</source>
        <translation>Na-cancel ng buyer ang order {order} sa {platform}; hindi ito iniulat ng Daloy na naipadala na. I-cancel ang order na ito, o i-skip ang hakbang na ito kung nakaalis na ang parcel.</translation>
    </message>
    <message>
        <source>{what} Daloy will check whether it went through before sending it again.</source>
        <translation>{what} Titingnan muna ng Daloy kung natuloy ito bago ipadala ulit.</translation>
    </message>
    <message>
        <source>{platform} cannot “{action}” through Daloy yet.</source>
        <translation>Hindi pa kaya ng {platform} ang “{action}” sa pamamagitan ng Daloy.</translation>
    </message>
    <message>
        <source>The stock level “{quantity}” for SKU {sku} is not a whole number.</source>
        <translation>Hindi buong numero ang stock na “{quantity}” para sa SKU {sku}.</translation>
    </message>
    <message>
        <source>Say which SKU&apos;s stock to set.</source>
        <translation>Sabihin kung aling SKU ang babaguhin ang stock.</translation>
    </message>
    <message>
        <source>Send an email</source>
        <translation>Magpadala ng email</translation>
    </message>
    <message>
        <source>Email the customer or a colleague.</source>
        <translation>Mag-email sa customer o sa kasamahan.</translation>
    </message>
    <message>
        <source>Sends an email through an SMTP connection (SSL or STARTTLS). Subject and bodies are templates, so they can name the order and its lines. Attachments come from earlier steps&apos; data (a list of {filename, content}). Every attempt uses the same Message-ID, so a retried send is recognisable as the same message. A server that rejects the message for good (5xx) sends the order to the inbox; a server that is down is retried.</source>
        <translation>Nagpapadala ng email sa pamamagitan ng SMTP na koneksyon (SSL o STARTTLS). Template ang subject at ang body, kaya puwedeng banggitin ang order at ang mga linya nito. Ang mga attachment ay galing sa datos ng mga naunang hakbang (listahan ng {filename, content}). Pare-pareho ang Message-ID ng bawat subok, kaya makikilalang iisang mensahe ang na-retry na padala. Kapag tuluyang tinanggihan ng server ang mensahe (5xx), mapupunta ang order sa Inbox; kapag down ang server, ire-retry ito.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para kay</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Text body</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>HTML body</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Mga attachment</translation>
    </message>
    <message>
        <source>A list of {&quot;filename&quot;: ..., &quot;content&quot;: ...}; content may use templates.</source>
        <translation>Listahan ng {&quot;filename&quot;: ..., &quot;content&quot;: ...}; puwedeng gumamit ng template ang content.</translation>
    </message>
    <message>
        <source>Sent folder connection</source>
        <translation>Koneksyon sa Sent folder</translation>
    </message>
    <message>
        <source>Optional: the IMAP mailbox where the mail server files a copy of every sent message. When a send&apos;s outcome is unknown, Daloy looks there first.</source>
        <translation>Opsyonal: ang IMAP mailbox kung saan nagtatabi ang mail server ng kopya ng bawat naipadalang mensahe. Kapag hindi alam kung naipadala, doon muna titingin ang Daloy.</translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation>Sent folder</translation>
    </message>
    <message>
        <source>The email&apos;s reference</source>
        <translation>Ang reference ng email</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Ipinadala kay</translation>
    </message>
    <message>
        <source>Addresses that refused it</source>
        <translation>Mga address na tumanggi rito</translation>
    </message>
    <message>
        <source>Each attachment needs a filename and a content.</source>
        <translation>Kailangan ng bawat attachment ng filename at laman.</translation>
    </message>
    <message>
        <source>Not known whether the email to {to} was sent: {why}. Check the Sent folder before retrying; if it is there, skip this step instead.</source>
        <translation>Hindi alam kung naipadala ang email kay {to}: {why}. Tingnan muna ang Sent folder bago i-retry; kung nandoon ito, i-skip na lang ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Email connections are not available here.</source>
        <translation>Hindi magagamit dito ang mga koneksyon ng email.</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password of connection “{name}”. Correct it under Connections, then retry.</source>
        <translation>Tinanggihan ng mail server ang user name o password ng koneksyong “{name}”. Itama ito sa Mga Koneksyon, saka i-retry.</translation>
    </message>
    <message>
        <source>The mail server refused the address(es) {addresses}.</source>
        <translation>Tinanggihan ng mail server ang (mga) address na {addresses}.</translation>
    </message>
    <message>
        <source>The mail server asked to try later ({code} {said}).</source>
        <translation>Pinasusubukan ulit mamaya ng mail server ({code} {said}).</translation>
    </message>
    <message>
        <source>The mail server rejected the message ({code} {said}).</source>
        <translation>Tinanggihan ng mail server ang mensahe ({code} {said}).</translation>
    </message>
    <message>
        <source>Could not send through {host}: {why}.</source>
        <translation>Hindi maipadala sa pamamagitan ng {host}: {why}.</translation>
    </message>
    <message>
        <source>The connection to {host} broke after the message was handed over ({why}); Daloy will look for it in the Sent folder before sending again.</source>
        <translation>Naputol ang koneksyon sa {host} pagkatapos maipasa ang mensahe ({why}); hahanapin muna ito ng Daloy sa Sent folder bago magpadala ulit.</translation>
    </message>
    <message>
        <source>the connection to {host} broke after the message was handed over ({why})</source>
        <translation>naputol ang koneksyon sa {host} pagkatapos maipasa ang mensahe ({why})</translation>
    </message>
    <message>
        <source>Daloy stopped or gave up waiting while sending it</source>
        <translation>huminto ang Daloy o tumigil sa paghihintay habang ipinapadala ito</translation>
    </message>
    <message>
        <source>The mail server refused the user name or password of connection “{name}”, so the Sent folder could not be checked. Correct it under Connections, then retry.</source>
        <translation>Tinanggihan ng mail server ang user name o password ng koneksyong “{name}”, kaya hindi matingnan ang Sent folder. Itama ito sa Mga Koneksyon, saka i-retry.</translation>
    </message>
    <message>
        <source>the folder “{folder}” of connection “{name}” could not be searched ({why})</source>
        <translation>hindi mahanap sa folder na “{folder}” ng koneksyong “{name}” ({why})</translation>
    </message>
    <message>
        <source>Could not look in the Sent folder of connection “{name}” ({why}); Daloy will look again before sending.</source>
        <translation>Hindi matingnan ang Sent folder ng koneksyong “{name}” ({why}); titingin ulit ang Daloy bago magpadala.</translation>
    </message>
    <message>
        <source>Look up in a spreadsheet</source>
        <translation>Maghanap sa spreadsheet</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Find rows (stock, prices) in an Excel or CSV sheet.</source>
        <translation>Maghanap ng mga row (stock, presyo) sa Excel o CSV na sheet.</translation>
    </message>
    <message>
        <source>Opens an Excel (.xlsx) or CSV file and finds the row whose key column holds the given value, e.g. the SKU in an inventory sheet. The key may also be a list (every SKU of the order): then output.rows maps each key to its row and output.missing lists keys that were not found. With items to check, each line is split into what can go now (output.ready, its amount cut to the stock) and what cannot (output.later, the missing amount), and output.ready_total prices what can go now. “List every row” gives output.list instead: the rows (e.g. products) holding at least “At least” in the available column, for a person to choose from. A relative file path is read in the data folder (samples/inventory.xlsx). A sheet open in Excel is retried after asking to close it.</source>
        <translation>Binubuksan ang Excel (.xlsx) o CSV na file at hinahanap ang row na may ibinigay na value sa key column, hal. ang SKU sa inventory sheet. Puwede ring listahan ang key (bawat SKU ng order): saka itinutugma ng output.rows ang bawat key sa row nito at nakalista sa output.missing ang mga key na hindi nakita. Kapag may mga item na susuriin, hinahati ang bawat linya sa puwedeng ipadala na (output.ready, ang dami ay hanggang sa stock) at sa hindi pa (output.later, ang kulang na dami), at ang output.ready_total ang presyo ng puwedeng ipadala na. Ang “Ilista ang bawat row” ay nagbibigay ng output.list sa halip: ang mga row (hal. mga produkto) na may hindi bababa sa “Hindi bababa sa” sa available column, para pagpilian ng tao. Ang relative na file path ay hinahanap sa data folder (samples/inventory.xlsx). Ang sheet na bukas sa Excel ay ire-retry matapos hilinging isara ito.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>A relative path is read in the data folder, e.g. samples/inventory.xlsx.</source>
        <translation>Ang relative na path ay hinahanap sa data folder, hal. samples/inventory.xlsx.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Default: the first sheet.</source>
        <translation>Default: ang unang sheet.</translation>
    </message>
    <message>
        <source>Key column</source>
        <translation>Key column</translation>
    </message>
    <message>
        <source>Key (or list of keys)</source>
        <translation>Key (o listahan ng mga key)</translation>
    </message>
    <message>
        <source>Or: items to check</source>
        <translation>O kaya: mga item na susuriin</translation>
    </message>
    <message>
        <source>A list of objects (order lines); each is looked up by its key field and its amount compared with the available column.</source>
        <translation>Listahan ng mga object (linya ng order); bawat isa ay hinahanap ayon sa key field nito at ikinukumpara ang dami sa available column.</translation>
    </message>
    <message>
        <source>Key field of an item</source>
        <translation>Key field ng item</translation>
    </message>
    <message>
        <source>Amount field of an item</source>
        <translation>Field ng dami ng item</translation>
    </message>
    <message>
        <source>Available column</source>
        <translation>Available column</translation>
    </message>
    <message>
        <source>With items: lines asking for more than this column holds are listed in output.short.</source>
        <translation>Kapag may mga item: nakalista sa output.short ang mga linyang humihingi ng higit sa laman ng column na ito.</translation>
    </message>
    <message>
        <source>Price field of an item</source>
        <translation>Field ng presyo ng item</translation>
    </message>
    <message>
        <source>Price column</source>
        <translation>Price column</translation>
    </message>
    <message>
        <source>With items: the price of a line that has no price field of its own.</source>
        <translation>Kapag may mga item: ang presyo ng linyang walang sariling field ng presyo.</translation>
    </message>
    <message>
        <source>Name column</source>
        <translation>Name column</translation>
    </message>
    <message>
        <source>With items: each line (ready, later, short) gets the product&apos;s name from this column as “name”, for messages to say “Sardines, 155 g” rather than the code. A sheet without this column is read by its Item, Name, Product or Description column; a line not in the sheet, or a sheet without any, keeps its code only.</source>
        <translation>Kapag may mga item: bawat linya (ready, later, short) ay binibigyan ng pangalan ng produkto mula sa column na ito bilang “name”, para “Sardines, 155 g” ang sabihin ng mga mensahe sa halip na ang code. Ang sheet na walang ganitong column ay binabasa sa column na Item, Name, Product o Description nito; code lang ang dala ng linyang wala sa sheet, o ng sheet na wala ni isa sa mga iyon.</translation>
    </message>
    <message>
        <source>Or: list every row</source>
        <translation>O kaya: ilista ang bawat row</translation>
    </message>
    <message>
        <source>Gives output.list, every row in sheet order (e.g. products to choose from); with an available column, only rows holding at least “At least”.</source>
        <translation>Nagbibigay ng output.list, bawat row ayon sa pagkakasunod sa sheet (hal. mga produktong pagpipilian); kapag may available column, ang mga row lang na may hindi bababa sa “Hindi bababa sa”.</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Hindi bababa sa</translation>
    </message>
    <message>
        <source>With “List every row” and an available column: the smallest amount a row must hold (default 1).</source>
        <translation>Kapag may “Ilista ang bawat row” at available column: ang pinakamaliit na dami na dapat laman ng row (default 1).</translation>
    </message>
    <message>
        <source>Leave out keys</source>
        <translation>Huwag isama ang mga key</translation>
    </message>
    <message>
        <source>With “List every row”: keys not to list (the product that ran out).</source>
        <translation>Kapag may “Ilista ang bawat row”: mga key na hindi ililista (ang produktong naubos).</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Nakita</translation>
    </message>
    <message>
        <source>Rows found, by key</source>
        <translation>Mga row na nakita, ayon sa key</translation>
    </message>
    <message>
        <source>The row found</source>
        <translation>Ang row na nakita</translation>
    </message>
    <message>
        <source>Not in the sheet</source>
        <translation>Wala sa sheet</translation>
    </message>
    <message>
        <source>Not enough in stock</source>
        <translation>Kulang ang stock</translation>
    </message>
    <message>
        <source>Every line in stock</source>
        <translation>May stock ang bawat linya</translation>
    </message>
    <message>
        <source>Lines that can ship now</source>
        <translation>Mga linyang maipapadala na ngayon</translation>
    </message>
    <message>
        <source>Lines for later</source>
        <translation>Mga linya para sa susunod</translation>
    </message>
    <message>
        <source>Total of what ships now</source>
        <translation>Kabuuan ng ipapadala ngayon</translation>
    </message>
    <message>
        <source>Products listed</source>
        <translation>Mga produktong nakalista</translation>
    </message>
    <message>
        <source>How many products listed</source>
        <translation>Ilang produkto ang nakalista</translation>
    </message>
    <message>
        <source>“Items to check” must be a list (for example the order lines).</source>
        <translation>Dapat listahan ang “Items to check” (halimbawa ang mga linya ng order).</translation>
    </message>
    <message>
        <source>Each item must be an object; got “{item}”.</source>
        <translation>Dapat object ang bawat item; ang dumating ay “{item}”.</translation>
    </message>
    <message>
        <source>Give a key to look up, items to check, or choose “List every row”.</source>
        <translation>Magbigay ng key na hahanapin, mga item na titingnan, o piliin ang “List every row”.</translation>
    </message>
    <message>
        <source>Update a spreadsheet</source>
        <translation>I-update ang spreadsheet</translation>
    </message>
    <message>
        <source>Change cells, e.g. take sold items off the stock count.</source>
        <translation>Baguhin ang mga cell, hal. ibawas sa stock ang mga nabenta.</translation>
    </message>
    <message>
        <source>For each item of a list (usually the order lines), finds the row by its key and changes one column: subtract the item&apos;s amount (stock), add it, or set it. The file is written to a temporary file and then swapped in, so a crash never leaves a half-written sheet. The sheet is read once and kept (read again when it changes on disk, e.g. saved in Excel, whose changes are kept); orders changing it at the same time are saved together in one write, and each step finishes only once its change is saved. In an Excel file only the changed cells are rewritten: formulas, formatting and other sheets stay as they were. With “Never below”, a change that would leave a cell under it changes nothing and asks a person instead (stock never goes negative). A relative file path is read in the data folder. A sheet open in Excel is retried after asking to close it.</source>
        <translation>Para sa bawat item ng listahan (karaniwan ang mga linya ng order), hinahanap ang row ayon sa key nito at binabago ang isang column: ibawas ang dami ng item (stock), idagdag ito, o itakda ito. Isinusulat muna ang file sa pansamantalang file saka ipinapalit, kaya hindi kailanman maiiwang kalahati lang ang naisulat na sheet kapag nag-crash. Isang beses binabasa ang sheet at itinatabi (binabasa ulit kapag nagbago ito sa disk, hal. na-save sa Excel, at pinapanatili ang mga pagbabagong iyon); ang mga order na sabay na nagbabago rito ay sabay na sine-save sa iisang sulat, at natatapos lang ang bawat hakbang kapag naka-save na ang pagbabago nito. Sa Excel file, ang mga binagong cell lang ang isinusulat ulit: nananatili ang mga formula, formatting at ibang sheet. Kapag may “Huwag bumaba sa”, ang pagbabagong magpapababa sa isang cell sa ilalim nito ay walang babaguhin at magtatanong na lang sa tao (hindi kailanman magiging negatibo ang stock). Ang relative na file path ay hinahanap sa data folder. Ang sheet na bukas sa Excel ay ire-retry matapos hilinging isara ito.</translation>
    </message>
    <message>
        <source>Column to change</source>
        <translation>Column na babaguhin</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Pagbabago</translation>
    </message>
    <message>
        <source>subtract</source>
        <translation>ibawas</translation>
    </message>
    <message>
        <source>add</source>
        <translation>idagdag</translation>
    </message>
    <message>
        <source>set</source>
        <translation>itakda</translation>
    </message>
    <message>
        <source>Never below</source>
        <translation>Huwag bumaba sa</translation>
    </message>
    <message>
        <source>Refuse the whole change (nothing is written) if a cell would end up below this, e.g. 0 so stock never goes negative.</source>
        <translation>Tanggihan ang buong pagbabago (walang isusulat) kung bababa ang isang cell sa ilalim nito, hal. 0 para hindi kailanman maging negatibo ang stock.</translation>
    </message>
    <message>
        <source>Rows changed (before and after)</source>
        <translation>Mga row na binago (bago at pagkatapos)</translation>
    </message>
    <message>
        <source>Already made before</source>
        <translation>Nagawa na dati</translation>
    </message>
    <message>
        <source>{what} “{value}” is not a number.</source>
        <translation>Hindi numero ang {what} na “{value}”.</translation>
    </message>
    <message>
        <source>Not changed: {column} in {file} may not go below {floor}, but {what}. Nothing was written. Check the sheet (was stock taken by another order?), then retry this step, or skip it.</source>
        <translation>Hindi binago: hindi puwedeng bumaba sa {floor} ang {column} sa {file}, pero {what}. Walang naisulat. Tingnan ang sheet (may ibang order bang kumuha ng stock?), saka i-retry ang hakbang na ito, o i-skip ito.</translation>
    </message>
    <message>
        <source>{key} would go from {before} to {after}</source>
        <translation>magiging {after} ang {key} mula {before}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}; {rest}</translation>
    </message>
    <message>
        <source>“Items” must be a list (for example the order lines).</source>
        <translation>Dapat listahan ang “Items” (halimbawa ang mga linya ng order).</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>halaga</translation>
    </message>
    <message>
        <source>{file} has no row with {column} “{key}”.</source>
        <translation>Walang row sa {file} na may {column} na “{key}”.</translation>
    </message>
    <message>
        <source>The cell {column}</source>
        <translation>cell na {column}</translation>
    </message>
    <message>
        <source>Database query</source>
        <translation>Query sa database</translation>
    </message>
    <message>
        <source>Read or write a database (accounting, POS).</source>
        <translation>Magbasa o magsulat sa database (accounting, POS).</translation>
    </message>
    <message>
        <source>Runs one SQL statement against a database connection. Values go in as named parameters (:sku in the statement, and sku in Parameters) and are always bound, never pasted into the SQL, so order data cannot change the statement. A SELECT returns output.rows; other statements return output.rowcount.</source>
        <translation>Nagpapatakbo ng isang SQL statement sa isang koneksyon sa database. Pumapasok ang mga value bilang named parameter (:sku sa statement, at sku sa Mga parameter) at laging naka-bind, hindi kailanman idinidikit sa SQL, kaya hindi mababago ng datos ng order ang statement. Ang SELECT ay nagbabalik ng output.rows; ang ibang statement ay nagbabalik ng output.rowcount.</translation>
    </message>
    <message>
        <source>SQL statement</source>
        <translation>SQL statement</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Mga parameter</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>Mga row na nabasa</translation>
    </message>
    <message>
        <source>How many rows</source>
        <translation>Ilang row</translation>
    </message>
    <message>
        <source>Rows changed</source>
        <translation>Mga row na binago</translation>
    </message>
    <message>
        <source>Database connections are not available here.</source>
        <translation>Hindi magagamit dito ang mga koneksyon ng database.</translation>
    </message>
    <message>
        <source>Connection “{name}” has no database URL.</source>
        <translation>Walang database URL ang koneksyong “{name}”.</translation>
    </message>
    <message>
        <source>The database did not answer: {why}.</source>
        <translation>Hindi sumagot ang database: {why}.</translation>
    </message>
    <message>
        <source>The database refused the statement: {why}.</source>
        <translation>Tinanggihan ng database ang statement: {why}.</translation>
    </message>
    <message>
        <source>The statement could not run: {why}.</source>
        <translation>Hindi mapatakbo ang statement: {why}.</translation>
    </message>
    <message>
        <source>Run another workflow</source>
        <translation>Magpatakbo ng ibang workflow</translation>
    </message>
    <message>
        <source>Start another workflow and wait for its result.</source>
        <translation>Simulan ang ibang workflow at hintayin ang resulta nito.</translation>
    </message>
    <message>
        <source>Starts a run of another workflow with the given input (its trigger) and waits until it finishes; its steps&apos; outputs become this step&apos;s output.results[0]. If the other run needs a person, this order waits too, and both show in the inbox.</source>
        <translation>Sinisimulan ang takbo ng ibang workflow gamit ang ibinigay na input (ang trigger nito) at hinihintay itong matapos; ang mga output ng mga hakbang nito ang magiging output.results[0] ng hakbang na ito. Kung kailangan ng tao ang kabilang takbo, maghihintay rin ang order na ito, at pareho silang lalabas sa Inbox.</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>What the other workflow produced</source>
        <translation>Ang resulta ng ibang workflow</translation>
    </message>
    <message>
        <source>The other workflow&apos;s order</source>
        <translation>Ang order ng ibang workflow</translation>
    </message>
    <message>
        <source>This step needs the Daloy runtime.</source>
        <translation>Kailangan ng hakbang na ito ang runtime ng Daloy.</translation>
    </message>
    <message>
        <source>Item {item}: the {workflow} run was cancelled.</source>
        <translation>Item {item}: na-cancel ang takbo ng {workflow}.</translation>
    </message>
    <message>
        <source>Waiting for {left} of {count} “{workflow}” runs</source>
        <translation>Hinihintay pa ang {left} sa {count} na takbo ng “{workflow}”</translation>
    </message>
    <message>
        <source>Set fields</source>
        <translation>Magtakda ng mga field</translation>
    </message>
    <message>
        <source>Build new data from the order and earlier steps.</source>
        <translation>Bumuo ng bagong datos mula sa order at sa mga naunang hakbang.</translation>
    </message>
    <message>
        <source>Sets named fields from templates, such as a total from the order lines or a customer&apos;s full name, so later steps can use them as steps.&lt;this step&gt;.output. A value that is exactly one {{ expression }} keeps its type (a number stays a number).</source>
        <translation>Nagtatakda ng mga field na may pangalan mula sa mga template, tulad ng kabuuan mula sa mga linya ng order o buong pangalan ng customer, para magamit ng mga susunod na hakbang bilang steps.&lt;this step&gt;.output. Ang value na iisang {{ expression }} lang ay nananatili ang uri (nananatiling numero ang numero).</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Mga field</translation>
    </message>
    <message>
        <source>An object of field names and values; text values may use templates.</source>
        <translation>Object ng mga pangalan ng field at value; puwedeng gumamit ng template ang mga text na value.</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Maghintay</translation>
    </message>
    <message>
        <source>Pause for a while or until a given time.</source>
        <translation>Huminto muna nang ilang sandali o hanggang sa isang oras.</translation>
    </message>
    <message>
        <source>Pauses this order for a number of seconds, or until a date and time computed from a template (ISO format, e.g. {{ trigger.order.ship_date }}T08:00). The wait is stored, so it survives restarts and the PC sleeping; other orders go on meanwhile.</source>
        <translation>Pinapahinto ang order na ito nang ilang segundo, o hanggang sa petsa at oras na kinuwenta mula sa template (ISO format, hal. {{ trigger.order.ship_date }}T08:00). Naka-save ang paghihintay, kaya hindi ito nawawala kahit mag-restart o mag-sleep ang PC; tuloy ang ibang order habang naghihintay.</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundo</translation>
    </message>
    <message>
        <source>Until (date and time)</source>
        <translation>Hanggang (petsa at oras)</translation>
    </message>
    <message>
        <source>Waited until</source>
        <translation>Naghintay hanggang</translation>
    </message>
    <message>
        <source>“{until}” is not a date and time (use {example}).</source>
        <translation>Hindi petsa at oras ang “{until}” (gamitin ang {example}).</translation>
    </message>
    <message>
        <source>Say how long to wait (seconds) or until when.</source>
        <translation>Sabihin kung gaano katagal maghihintay (segundo) o hanggang kailan.</translation>
    </message>
    <message>
        <source>Waiting until {time}</source>
        <translation>Naghihintay hanggang {time}</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Mano-mano</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Mga trigger</translation>
    </message>
    <message>
        <source>Started from Daloy or the command line.</source>
        <translation>Sinimulan mula sa Daloy o sa command line.</translation>
    </message>
    <message>
        <source>Runs started by hand, from the command line or from a practice run.</source>
        <translation>Mga order na sinimulan nang mano-mano, mula sa command line o mula sa practice run.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Each new email in a mailbox becomes an order.</source>
        <translation>Bawat bagong email sa mailbox ay nagiging order.</translation>
    </message>
    <message>
        <source>Watches a mailbox over IMAP (IDLE where possible) and turns each new message into an order: fields from the subject and “Key: value” lines, order lines from an attached CSV or Excel file. Messages are marked read (or moved) only after the order is safely stored.</source>
        <translation>Binabantayan ang isang mailbox sa IMAP (IDLE kung kaya) at ginagawang order ang bawat bagong mensahe: mga field mula sa subject at sa mga linyang “Key: value”, mga linya ng order mula sa naka-attach na CSV o Excel file. Minamarkahang nabasa (o inililipat) lang ang mensahe kapag ligtas nang naka-save ang order.</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Subject pattern</source>
        <translation>Pattern ng subject</translation>
    </message>
    <message>
        <source>Read “Key: value” lines</source>
        <translation>Basahin ang mga linyang “Key: value”</translation>
    </message>
    <message>
        <source>Order lines from attachment</source>
        <translation>Mga linya ng order mula sa attachment</translation>
    </message>
    <message>
        <source>Required fields</source>
        <translation>Mga kailangang field</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Pagkatapos</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>markahang nabasa</translation>
    </message>
    <message>
        <source>move</source>
        <translation>ilipat</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>Ilipat sa folder</translation>
    </message>
    <message>
        <source>Check every (seconds)</source>
        <translation>Tingnan tuwing (segundo)</translation>
    </message>
    <message>
        <source>Alert when down for (minutes)</source>
        <translation>Mag-alerto kapag down nang (minuto)</translation>
    </message>
    <message>
        <source>Use IMAP IDLE when offered</source>
        <translation>Gamitin ang IMAP IDLE kung mayroon</translation>
    </message>
    <message>
        <source>Network timeout (seconds)</source>
        <translation>Network timeout (segundo)</translation>
    </message>
    <message>
        <source>Longest wait between reconnects (s)</source>
        <translation>Pinakamahabang hintay bago kumonekta ulit (s)</translation>
    </message>
    <message>
        <source>Webhook / web form</source>
        <translation>Webhook / web form</translation>
    </message>
    <message>
        <source>Orders posted by a website, or typed into Daloy&apos;s order form.</source>
        <translation>Mga order na ipinost ng website, o tinype sa order form ng Daloy.</translation>
    </message>
    <message>
        <source>Accepts orders as JSON posts to /hook/&lt;workflow&gt;/&lt;trigger&gt;, authenticated by “Authorization: Bearer &lt;token&gt;” or, with hmac, by “X-Daloy-Signature: t=&lt;unix time&gt;,v2=&lt;hex&gt;”: the HMAC-SHA256, keyed by the token, of “&lt;t&gt;.&lt;Idempotency-Key header, or nothing&gt;.&lt;body&gt;”. Each signature is accepted once, within five minutes. Answers 2xx only after the order is stored. With “Offer an order form”, anyone who can reach /form/&lt;workflow&gt;/&lt;trigger&gt; can type in an order: each page carries a one-use token, posts are limited per address, and such orders are marked as from the public form.</source>
        <translation>Tumatanggap ng mga order bilang JSON post sa /hook/&lt;workflow&gt;/&lt;trigger&gt;, na pinapatunayan ng “Authorization: Bearer &lt;token&gt;” o, kapag hmac, ng “X-Daloy-Signature: t=&lt;unix time&gt;,v2=&lt;hex&gt;”: ang HMAC-SHA256, gamit ang token bilang key, ng “&lt;t&gt;.&lt;Idempotency-Key header, o wala&gt;.&lt;body&gt;”. Isang beses lang tinatanggap ang bawat signature, sa loob ng limang minuto. Sumasagot ng 2xx lang kapag naka-save na ang order. Kapag naka-on ang “Mag-alok ng pampublikong order form”, kahit sinong makakaabot sa /form/&lt;workflow&gt;/&lt;trigger&gt; ay puwedeng mag-type ng order: may pang-isahang token ang bawat page, may limitasyon ang post bawat address, at minamarkahan ang mga order na ito na galing sa pampublikong form.</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Mga field ng form</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>hmac</source>
        <translation>hmac</translation>
    </message>
    <message>
        <source>Offer a public order form</source>
        <translation>Mag-alok ng pampublikong order form</translation>
    </message>
    <message>
        <source>Form orders per minute from one address</source>
        <translation>Order sa form bawat minuto mula sa iisang address</translation>
    </message>
    <message>
        <source>A form page is good for (minutes)</source>
        <translation>Gaano katagal magagamit ang form page (minuto)</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>New orders from a marketplace or shop system&apos;s API.</source>
        <translation>Mga bagong order mula sa API ng marketplace o shop system.</translation>
    </message>
    <message>
        <source>Polls a marketplace&apos;s REST API for new or changed orders, page by page, and advances its cursor only after the orders are stored. Honours Retry-After.</source>
        <translation>Tinitingnan ang REST API ng marketplace para sa mga bago o nabagong order, page bawat page, at isinusulong ang cursor lang kapag naka-save na ang mga order. Sinusunod ang Retry-After.</translation>
    </message>
    <message>
        <source>Orders path</source>
        <translation>Path ng mga order</translation>
    </message>
    <message>
        <source>Where the orders are</source>
        <translation>Kung nasaan ang mga order</translation>
    </message>
    <message>
        <source>Order id field</source>
        <translation>Field ng order id</translation>
    </message>
    <message>
        <source>Updated-at field</source>
        <translation>Field ng updated-at</translation>
    </message>
    <message>
        <source>Orders per page</source>
        <translation>Order bawat page</translation>
    </message>
    <message>
        <source>Pages per check</source>
        <translation>Page bawat tingin</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Iskedyul</translation>
    </message>
    <message>
        <source>Runs on a timetable (cron).</source>
        <translation>Tumatakbo ayon sa iskedyul (cron).</translation>
    </message>
    <message>
        <source>Starts a run on a cron timetable (minute hour day month weekday). Runs missed while the PC was off or asleep are folded into one run and noted.</source>
        <translation>Nagsisimula ng order ayon sa cron na iskedyul (minute hour day month weekday). Ang mga takbong nalampasan habang naka-off o naka-sleep ang PC ay pinagsasama sa isang takbo at itinatala.</translation>
    </message>
    <message>
        <source>Cron</source>
        <translation>Cron</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>On the first check, go back (days)</source>
        <translation>Sa unang tingin, bumalik nang (araw)</translation>
    </message>
    <message>
        <source>the step took longer than its time limit of {seconds} s</source>
        <translation>lumampas ang hakbang sa limitasyon nitong {seconds} s</translation>
    </message>
    <message>
        <source>The step&apos;s settings could not be filled in: {why}</source>
        <translation>Hindi mapunan ang mga setting ng hakbang: {why}</translation>
    </message>
    <message>
        <source>the earlier attempt got no answer, and the step has no look-up to check it with</source>
        <translation>walang sagot sa naunang subok, at walang look-up ang hakbang para matingnan ito</translation>
    </message>
    <message>
        <source>No answer: {why}.</source>
        <translation>Walang sagot: {why}.</translation>
    </message>
    <message>
        <source>Unexpected error in the step: {kind}: {why}</source>
        <translation>Hindi inaasahang error sa hakbang: {kind}: {why}</translation>
    </message>
    <message>
        <source>Waiting for {system} — down since {time}</source>
        <translation>Hinihintay ang {system} — down mula {time}</translation>
    </message>
    <message>
        <source>There is no connection called “{name}”. Create it under Connections, then retry this step.</source>
        <translation>Walang koneksyong “{name}”. Gawin ito sa Mga Koneksyon, saka i-retry ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Connection “{name}” is a {kind} connection, but this step needs a {needed} connection.</source>
        <translation>Koneksyong {kind} ang “{name}”, pero koneksyong {needed} ang kailangan ng hakbang na ito.</translation>
    </message>
    <message>
        <source>Connection “{name}” is a {kind} connection, not a web API.</source>
        <translation>Koneksyong {kind} ang “{name}”, hindi web API.</translation>
    </message>
    <message>
        <source>The token of connection “{name}” contains a line break or other control character, which no web service accepts. Enter it again under Connections, then retry this step.</source>
        <translation>May line break o ibang control character ang token ng koneksyong “{name}”, na hindi tinatanggap ng anumang web service. Ilagay ulit ito sa Mga Koneksyon, saka i-retry ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Waiting a moment: {system} just failed and is being tried by another order.</source>
        <translation>Sandali lang: kapapalya lang ng {system} at sinusubukan pa ito ng ibang order.</translation>
    </message>
    <message>
        <source>Connection “{name}”: security “{value}” is not one of {choices}.</source>
        <translation>Koneksyong “{name}”: ang security na “{value}” ay wala sa {choices}.</translation>
    </message>
    <message>
        <source>Connection “{name}” would send its password unencrypted to {host} (security “plain”). Daloy allows that only to this computer; choose ssl or starttls under Connections.</source>
        <translation>Ipapadala ng koneksyong “{name}” ang password nito nang hindi naka-encrypt sa {host} (security “plain”). Sa computer na ito lang iyon pinapayagan ng Daloy; piliin ang ssl o starttls sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>The server {host} of connection “{name}” showed a certificate Daloy does not trust ({why}). If it is your office&apos;s own server, set its CA file on the connection; otherwise check the server name.</source>
        <translation>Nagpakita ang server na {host} ng koneksyong “{name}” ng certificate na hindi pinagkakatiwalaan ng Daloy ({why}). Kung sariling server ito ng opisina mo, ilagay ang CA file nito sa koneksyon; kung hindi, tingnan ang pangalan ng server.</translation>
    </message>
    <message>
        <source>Connection “{name}” has no server name (host).</source>
        <translation>Walang pangalan ng server (host) ang koneksyong “{name}”.</translation>
    </message>
    <message>
        <source>Not known whether this order&apos;s change to {file} was made: Daloy stopped while writing it, and the file was changed since. Check the rows in the sheet; if the change is missing, retry this step, otherwise skip it.</source>
        <translation>Hindi alam kung nagawa ang pagbabago ng order na ito sa {file}: huminto ang Daloy habang isinusulat ito, at nabago na ang file mula noon. Tingnan ang mga row sa sheet; kung wala ang pagbabago, i-retry ang hakbang na ito, kung nandoon, i-skip ito.</translation>
    </message>
    <message>
        <source>This order&apos;s step was already finished by another attempt, so its change to {file} was not made again.</source>
        <translation>Natapos na ng ibang subok ang hakbang ng order na ito, kaya hindi na inulit ang pagbabago nito sa {file}.</translation>
    </message>
    <message>
        <source>{file} could not be saved ({why}). Nothing of this order was written; Daloy will try again.</source>
        <translation>Hindi ma-save ang {file} ({why}). Walang naisulat mula sa order na ito; susubukan ulit ng Daloy.</translation>
    </message>
    <message>
        <source>The sheet {file} has no column “{name}” (it has: {have}).</source>
        <translation>Walang column na “{name}” ang sheet na {file} (ang meron: {have}).</translation>
    </message>
    <message>
        <source>{file} is open in a spreadsheet program. Close it there; Daloy will try again.</source>
        <translation>Nakabukas ang {file} sa isang spreadsheet program. Isara ito roon; susubukan ulit ng Daloy.</translation>
    </message>
    <message>
        <source>The spreadsheet {path} does not exist.</source>
        <translation>Walang spreadsheet na {path}.</translation>
    </message>
    <message>
        <source>{file} is locked by another program (is it open in Excel?). Close it; Daloy will try again.</source>
        <translation>Naka-lock ang {file} ng ibang program (nakabukas ba ito sa Excel?). Isara ito; susubukan ulit ng Daloy.</translation>
    </message>
    <message>
        <source>The spreadsheet {file} has no sheet “{sheet}” (it has: {have}).</source>
        <translation>Walang sheet na “{sheet}” ang spreadsheet na {file} (ang meron: {have}).</translation>
    </message>
    <message>
        <source>{file} could not be read as a spreadsheet: {why}.</source>
        <translation>Hindi mabasa bilang spreadsheet ang {file}: {why}.</translation>
    </message>
    <message>
        <source>{file} is not a UTF-8 CSV file ({why}); save it as “CSV UTF-8” and retry.</source>
        <translation>Hindi UTF-8 CSV file ang {file} ({why}); i-save ito bilang “CSV UTF-8” at i-retry.</translation>
    </message>
    <message>
        <source>Daloy&apos;s record of changes to {file} ({record}) cannot be read ({why}). Check {file} by hand, then delete {record} and retry.</source>
        <translation>Hindi mabasa ang talaan ng Daloy ng mga pagbabago sa {file} ({record}) ({why}). Tingnan nang mano-mano ang {file}, saka burahin ang {record} at i-retry.</translation>
    </message>
    <message>
        <source>took longer than {seconds} seconds, so it was stopped</source>
        <translation>lumampas sa {seconds} segundo, kaya itinigil</translation>
    </message>
    <message>
        <source>made a number too large to handle</source>
        <translation>gumawa ng numerong sobrang laki</translation>
    </message>
    <message>
        <source>made a number that is infinite or not a number</source>
        <translation>gumawa ng numerong walang hangganan o hindi numero</translation>
    </message>
    <message>
        <source>would make a text or list longer than {count} characters</source>
        <translation>gagawa ng text o listahang mas mahaba sa {count} character</translation>
    </message>
    <message>
        <source>made more than {count} characters of text and lists in all</source>
        <translation>gumawa ng higit sa {count} character ng text at listahan lahat-lahat</translation>
    </message>
    <message>
        <source>repeated its loops more than {count} times</source>
        <translation>inulit ang mga loop nito nang higit sa {count} beses</translation>
    </message>
    <message>
        <source>used “sum” on texts or lists (it adds numbers only; use “join” for texts)</source>
        <translation>ginamit ang “sum” sa mga text o listahan (numero lang ang pinagsasama nito; gamitin ang “join” para sa mga text)</translation>
    </message>
    <message>
        <source>The template “{template}” uses {path}, but this order has no “{key}” in {where} (it has: {there}). Change the template to use what is there, then retry the step.</source>
        <translation>Gumagamit ang template na “{template}” ng {path}, pero walang “{key}” ang order na ito sa {where} (ang mayroon: {there}). Palitan ang template para gamitin ang mayroon, saka i-retry ang hakbang.</translation>
    </message>
    <message>
        <source>The template “{template}” uses {path}, but this order has nothing in {where}. Change the template to use what is there, then retry the step.</source>
        <translation>Gumagamit ang template na “{template}” ng {path}, pero walang laman ang {where} sa order na ito. Palitan ang template para gamitin ang mayroon, saka i-retry ang hakbang.</translation>
    </message>
    <message>
        <source>The template “{template}” {what}. Change the template so it does less (or check the order data it uses), then retry the step.</source>
        <translation>Ang template na “{template}”: {what}. Baguhin ang template para mas kaunti ang gawin nito (o tingnan ang data ng order na ginagamit nito), saka i-retry ang hakbang.</translation>
    </message>
    <message>
        <source>The template “{template}” is nested too deeply or made too much to handle. Simplify it, then retry the step.</source>
        <translation>Sobrang lalim ng pagkakapatong o sobrang dami ng ginawa ng template na “{template}”. Gawin itong mas simple, saka i-retry ang hakbang.</translation>
    </message>
    <message>
        <source>The template “{template}” tries to reach something templates may not use (only order and step data are available).</source>
        <translation>May inaabot ang template na “{template}” na hindi puwedeng gamitin ng mga template (data lang ng order at ng mga hakbang ang magagamit).</translation>
    </message>
    <message>
        <source>The template “{template}” refers to data that is not there: {why}.</source>
        <translation>Tumutukoy ang template na “{template}” sa data na wala: {why}.</translation>
    </message>
    <message>
        <source>The template “{template}” has a syntax error: {why} (line {line}).</source>
        <translation>May syntax error ang template na “{template}”: {why} (linya {line}).</translation>
    </message>
    <message>
        <source>The template “{template}” failed: {why}.</source>
        <translation>Pumalya ang template na “{template}”: {why}.</translation>
    </message>
    <message>
        <source>Daloy stopped while this step was running</source>
        <translation>Huminto ang Daloy habang tumatakbo ang hakbang na ito</translation>
    </message>
    <message>
        <source>Daloy stopped {count} times while step “{step}” was running</source>
        <translation>{count} beses huminto ang Daloy habang tumatakbo ang hakbang na “{step}”</translation>
    </message>
    <message>
        <source>Daloy was shut down while this attempt was running</source>
        <translation>Isinara ang Daloy habang tumatakbo ang subok na ito</translation>
    </message>
    <message>
        <source>Daloy was shut down {count} times while step “{step}” was running</source>
        <translation>{count} beses isinara ang Daloy habang tumatakbo ang hakbang na “{step}”</translation>
    </message>
    <message>
        <source>{system} did not answer (Demo: this outage is staged to show what happens when a system is down; nothing real was contacted). Press Retry to send it again.</source>
        <translation>Hindi sumagot ang {system} (Demo: sinadya ang pagka-down na ito para ipakita ang nangyayari kapag down ang isang system; walang totoong kinontak). Pindutin ang I-retry para ipadala ulit.</translation>
    </message>
    <message>
        <source>The {what} is empty; fill it in under Connections.</source>
        <translation>Walang laman ang {what}; punan ito sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>“{value}” is not a web address for the {what}; use e.g. https://shop.example.com.</source>
        <translation>Hindi web address ang “{value}” para sa {what}; gumamit ng hal. https://shop.example.com.</translation>
    </message>
    <message>
        <source>The {what} “{value}” uses http://, which would send the shop&apos;s key unencrypted; use https://.</source>
        <translation>Gumagamit ng http:// ang {what} na “{value}”, kaya maipapadala nang hindi naka-encrypt ang key ng shop; gamitin ang https://.</translation>
    </message>
    <message>
        <source>an empty answer</source>
        <translation>walang laman na sagot</translation>
    </message>
    <message>
        <source>a web page instead of data</source>
        <translation>isang web page sa halip na data</translation>
    </message>
    <message>
        <source>a number too big to be a number</source>
        <translation>numerong masyadong malaki para maging numero</translation>
    </message>
    <message>
        <source>text that is not JSON, or JSON cut off</source>
        <translation>text na hindi JSON, o JSON na putol</translation>
    </message>
    <message>
        <source>a value that is not a number (NaN or Infinity)</source>
        <translation>value na hindi numero (NaN o Infinity)</translation>
    </message>
    <message>
        <source>JSON of another shape than it documents</source>
        <translation>JSON na iba ang hugis sa sinasabi ng dokumentasyon nito</translation>
    </message>
    <message>
        <source>{platform} answered {path} for shop “{shop}” with {what}. The answer is kept; Daloy asks again later. If this goes on, ask {platform}&apos;s support about it.</source>
        <translation>Sinagot ng {platform} ang {path} para sa shop na “{shop}” ng {what}. Nakatabi ang sagot; magtatanong ulit ang Daloy mamaya. Kung magpatuloy ito, itanong sa support ng {platform}.</translation>
    </message>
    <message>
        <source>{platform} received {path} for shop “{shop}” but answered with {what}, so it may have acted. The answer is kept.</source>
        <translation>Natanggap ng {platform} ang {path} para sa shop na “{shop}” pero sumagot ng {what}, kaya maaaring nagawa na nito. Nakatabi ang sagot.</translation>
    </message>
    <message>
        <source>{platform} pointed Daloy at {path}, outside the shop&apos;s address {base}; it was not followed.</source>
        <translation>Itinuro ng {platform} ang Daloy sa {path}, na nasa labas ng address ng shop na {base}; hindi ito sinundan.</translation>
    </message>
    <message>
        <source>Could not reach {platform} for shop “{shop}”: {why}.</source>
        <translation>Hindi maabot ang {platform} para sa shop na “{shop}”: {why}.</translation>
    </message>
    <message>
        <source>{platform} did not answer in time for shop “{shop}” ({why}).</source>
        <translation>Hindi sumagot sa oras ang {platform} para sa shop na “{shop}” ({why}).</translation>
    </message>
    <message>
        <source>{platform} received the request for shop “{shop}” but did not answer ({why}).</source>
        <translation>Natanggap ng {platform} ang request para sa shop na “{shop}” pero hindi ito sumagot ({why}).</translation>
    </message>
    <message>
        <source>{platform} asked Daloy to slow down for {seconds} s (shop “{shop}”).</source>
        <translation>Pinabagal muna ng {platform} ang Daloy nang {seconds} s (shop na “{shop}”).</translation>
    </message>
    <message>
        <source>{platform} refused the key of shop “{shop}” ({code}): {said} Check the access token under Connections.</source>
        <translation>Tinanggihan ng {platform} ang key ng shop na “{shop}” ({code}): {said} Tingnan ang access token sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>{platform} refused the key of shop “{shop}” ({code}). Check the access token under Connections.</source>
        <translation>Tinanggihan ng {platform} ang key ng shop na “{shop}” ({code}). Tingnan ang access token sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>{platform} answered {code} for shop “{shop}”: {said}</source>
        <translation>Sumagot ang {platform} ng {code} para sa shop na “{shop}”: {said}</translation>
    </message>
    <message>
        <source>{platform} answered {code} for shop “{shop}”.</source>
        <translation>Sumagot ang {platform} ng {code} para sa shop na “{shop}”.</translation>
    </message>
    <message>
        <source>{platform} refused the request for shop “{shop}” ({code}): {said}</source>
        <translation>Tinanggihan ng {platform} ang request para sa shop na “{shop}” ({code}): {said}</translation>
    </message>
    <message>
        <source>{platform} refused the request for shop “{shop}” ({code}).</source>
        <translation>Tinanggihan ng {platform} ang request para sa shop na “{shop}” ({code}).</translation>
    </message>
    <message>
        <source>Lazada address</source>
        <translation>address ng Lazada</translation>
    </message>
    <message>
        <source>Lazada authorisation address</source>
        <translation>address ng authorisation ng Lazada</translation>
    </message>
    <message>
        <source>Lazada asked Daloy to slow down (shop “{shop}”): {said}</source>
        <translation>Pinabagal muna ng Lazada ang Daloy (shop na “{shop}”): {said}</translation>
    </message>
    <message>
        <source>Lazada refused {path} for shop “{shop}”: {said} ({code}).</source>
        <translation>Tinanggihan ng Lazada ang {path} para sa shop na “{shop}”: {said} ({code}).</translation>
    </message>
    <message>
        <source>Shopee address</source>
        <translation>address ng Shopee</translation>
    </message>
    <message>
        <source>Shopee refused {path} for shop “{shop}”: {said} ({code}).</source>
        <translation>Tinanggihan ng Shopee ang {path} para sa shop na “{shop}”: {said} ({code}).</translation>
    </message>
    <message>
        <source>Shopee shop “{shop}” has no product with SKU “{sku}”. Check the SKU in Shopee Seller Centre, then retry this step.</source>
        <translation>Walang produktong may SKU na “{sku}” ang Shopee shop na “{shop}”. Tingnan ang SKU sa Shopee Seller Centre, saka i-retry ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Shopee shop “{shop}” has no order {order}.</source>
        <translation>Walang order na {order} ang Shopee shop na “{shop}”.</translation>
    </message>
    <message>
        <source>Shopify shop domain</source>
        <translation>shop domain sa Shopify</translation>
    </message>
    <message>
        <source>Shopify order {order} has nothing left to ship (no open fulfillment order); it may have been shipped or cancelled in the Shopify admin.</source>
        <translation>Wala nang ipapadala sa Shopify order na {order} (walang bukas na fulfillment order); baka naipadala na o na-cancel sa Shopify admin.</translation>
    </message>
    <message>
        <source>Shopify has no product variant with SKU {sku}; check the SKU in the Shopify admin.</source>
        <translation>Walang product variant na may SKU na {sku} sa Shopify; tingnan ang SKU sa Shopify admin.</translation>
    </message>
    <message>
        <source>The Shopify shop has no active location to keep stock at.</source>
        <translation>Walang aktibong location ang Shopify shop para paglagyan ng stock.</translation>
    </message>
    <message>
        <source>WooCommerce site address</source>
        <translation>address ng WooCommerce site</translation>
    </message>
    <message>
        <source>WooCommerce has no product with SKU {sku}; check the SKU under Products.</source>
        <translation>Walang produktong may SKU na {sku} sa WooCommerce; tingnan ang SKU sa Products.</translation>
    </message>
    <message>
        <source>{platform} refused the access token of connection “{connection}” even after renewing it ({why}). Authorise the shop again under Connections.</source>
        <translation>Tinanggihan ng {platform} ang access token ng koneksyong “{connection}” kahit na-renew na ito ({why}). I-authorise ulit ang shop sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>Shopee API address</source>
        <translation>address ng Shopee API</translation>
    </message>
    <message>
        <source>End the order</source>
        <translation>Tapusin ang order</translation>
    </message>
    <message>
        <source>Say how the order ends: cancelled, or done.</source>
        <translation>Sabihin kung paano nagtatapos ang order: na-cancel, o tapos na.</translation>
    </message>
    <message>
        <source>Put it last on a path to say how an order that takes that path ends. “cancelled”: the orders list, the order page and the export say “Cancelled”, the Status filter “Cancelled” finds it, and the dashboard does not count it as ran cleanly. “done”: it reads “Done”, as usual. The note is shown on the order page. Nothing can follow this step; it sends nothing to anyone (put an email step before it).</source>
        <translation>Ilagay ito sa dulo ng isang daan para sabihin kung paano nagtatapos ang order na dadaan doon. “na-cancel” (cancelled): “Na-cancel” ang sasabihin ng listahan ng mga order, ng pahina ng order at ng export, makikita ito sa filter ng Status na “Na-cancel”, at hindi ito ibibilang ng dashboard na tuloy-tuloy na natapos. “tapos na” (done): “Tapos na” ang sasabihin, gaya ng dati. Ipinapakita ang tala sa pahina ng order. Walang puwedeng sumunod sa hakbang na ito; wala itong ipinapadala kaninuman (maglagay ng hakbang na email bago ito).</translation>
    </message>
    <message>
        <source>How the order ends</source>
        <translation>Paano nagtatapos ang order</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>na-cancel</translation>
    </message>
    <message>
        <source>done</source>
        <translation>tapos na</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Tala</translation>
    </message>
    <message>
        <source>Optional: why it ends so, shown on the order page.</source>
        <translation>Opsyonal: kung bakit ganito ito nagtatapos, ipinapakita sa pahina ng order.</translation>
    </message>
    <message>
        <source>Cancelled at the stock question</source>
        <translation>Pinili ang i-cancel sa tanong tungkol sa stock</translation>
    </message>
    <message>
        <source>How the order ended</source>
        <translation>Paano natapos ang order</translation>
    </message>
    <message>
        <source>“{outcome}” is no way for an order to end; choose {cancelled} or {done}.</source>
        <translation>Hindi paraan ng pagtatapos ng order ang “{outcome}”; piliin ang {cancelled} o {done}.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>There is no Daloy database at {path}; name the data folder to copy.</source>
        <translation>Walang Daloy database sa {path}; pangalanan ang data folder na kokopyahin.</translation>
    </message>
    <message>
        <source>The workspace&apos;s database is at version {version}, this Daloy&apos;s is {head}: open it once with this Daloy (it is updated on opening), then copy it.</source>
        <translation>Nasa version {version} ang database ng workspace, {head} naman ang sa Daloy na ito: buksan muna ito minsan gamit ang Daloy na ito (naa-update ito pagbukas), saka kopyahin.</translation>
    </message>
    <message>
        <source>The database {url} already holds data (table {table} is not empty), so nothing was copied: copy into a new, empty database.</source>
        <translation>May laman na ang database na {url} (hindi walang laman ang table na {table}), kaya walang kinopya: kopyahin sa bago at walang lamang database.</translation>
    </message>
    <message>
        <source>Copy to a PostgreSQL database (postgresql://…), not to a file.</source>
        <translation>Kopyahin sa isang PostgreSQL database (postgresql://…), hindi sa file.</translation>
    </message>
    <message>
        <source>Table {table} differs after copying ({got} rows, {rows} expected, or other values), so nothing was copied. Please report it.</source>
        <translation>Iba ang table na {table} pagkatapos kopyahin ({got} row, {rows} ang inaasahan, o ibang mga value), kaya walang kinopya. Pakireport ito.</translation>
    </message>
    <message>
        <source>The copy failed and was rolled back; nothing was copied: {error}</source>
        <translation>Pumalya ang pagkopya at ibinalik sa dati; walang kinopya: {error}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>“{key}” is not a retry setting</source>
        <translation>Hindi retry setting ang “{key}”</translation>
    </message>
    <message>
        <source>“{label}” must be a whole number</source>
        <translation>Dapat buong numero ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must be a number</source>
        <translation>Dapat numero ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” is out of range</source>
        <translation>Wala sa puwedeng saklaw ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must be text</source>
        <translation>Dapat text ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must be yes or no (true/false)</source>
        <translation>Dapat oo o hindi (true/false) ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must be one of: {choices}</source>
        <translation>Dapat isa sa mga ito ang “{label}”: {choices}</translation>
    </message>
    <message>
        <source>“{label}” must be a set of names, each with a text or template value</source>
        <translation>Dapat listahan ng mga pangalan ang “{label}”, bawat isa may text o template na value</translation>
    </message>
    <message>
        <source>“{label}” must be a list of texts</source>
        <translation>Dapat listahan ng mga text ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must list at least one option</source>
        <translation>Dapat may kahit isang pagpipilian ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}”: each option needs a name</source>
        <translation>“{label}”: kailangan ng pangalan ang bawat pagpipilian</translation>
    </message>
    <message>
        <source>“{label}” must be an ordinary number (not NaN, Infinity or that large)</source>
        <translation>Dapat ordinaryong numero ang “{label}” (hindi NaN, Infinity o ganoon kalaki)</translation>
    </message>
    <message>
        <source>“{label}” must be at least {minimum}</source>
        <translation>Dapat hindi bababa sa {minimum} ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” must be at most {maximum}</source>
        <translation>Dapat hindi lalampas sa {maximum} ang “{label}”</translation>
    </message>
    <message>
        <source>“{label}” is required</source>
        <translation>Kailangang punan ang “{label}”</translation>
    </message>
    <message>
        <source>“{name}” is not a setting of this step type</source>
        <translation>Hindi setting ng ganitong uri ng hakbang ang “{name}”</translation>
    </message>
    <message>
        <source>{prefix}“{label}” holds a number that is NaN, Infinity or too large; use an ordinary number.</source>
        <translation>{prefix}May numerong NaN, Infinity o sobrang laki ang “{label}”; gumamit ng ordinaryong numero.</translation>
    </message>
    <message>
        <source>Step “{step}”, setting “{field}”</source>
        <translation>Hakbang na “{step}”, setting na “{field}”</translation>
    </message>
    <message>
        <source>Step “{step}”</source>
        <translation>Hakbang na “{step}”</translation>
    </message>
    <message>
        <source>Workflow, setting “{field}”</source>
        <translation>Workflow, setting na “{field}”</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}: {message}</translation>
    </message>
    <message>
        <source>The workflow could not be checked completely ({error}), so it cannot take orders yet. Fix the problems listed, or send the workflow file to support.</source>
        <translation>Hindi masuri nang buo ang workflow ({error}), kaya hindi pa ito puwedeng tumanggap ng order. Ayusin ang mga nakalistang problema, o ipadala ang workflow file sa support.</translation>
    </message>
    <message>
        <source>Order total: {problem}</source>
        <translation>Kabuuan ng order: {problem}</translation>
    </message>
    <message>
        <source>The order total refers to a step “{step}” that does not exist; name one of the workflow&apos;s steps, e.g. {example}.</source>
        <translation>Tumutukoy ang kabuuan ng order sa hakbang na “{step}” na wala naman; pangalanan ang isa sa mga hakbang ng workflow, hal. {example}.</translation>
    </message>
    <message>
        <source>Two steps are called “{name}”; step names must be unique.</source>
        <translation>Dalawang hakbang ang may pangalang “{name}”; dapat magkakaiba ang pangalan ng mga hakbang.</translation>
    </message>
    <message>
        <source>The step name must start with a letter and use only small letters, digits and _ (it is used in templates as steps.&lt;name&gt;).</source>
        <translation>Dapat magsimula sa letra ang pangalan ng hakbang at maliliit na letra, numero at _ lang ang gamitin (ginagamit ito sa mga template bilang steps.&lt;name&gt;).</translation>
    </message>
    <message>
        <source>The step name “{name}” cannot be used: in a template, steps.{name} means something built in, not this step. Rename it, for example to “{name}_step”.</source>
        <translation>Hindi puwede ang pangalang “{name}” para sa hakbang: sa template, may ibang built-in na kahulugan ang steps.{name}, hindi ang hakbang na ito. Palitan ang pangalan, halimbawa ng “{name}_step”.</translation>
    </message>
    <message>
        <source>The steps form a loop: {loop}. A run would wait for ever; remove one connection.</source>
        <translation>Paikot-ikot ang mga hakbang: {loop}. Maghihintay nang walang katapusan ang order; mag-alis ng isang koneksyon.</translation>
    </message>
    <message>
        <source>Its place on the canvas is not an ordinary number; move the step to fix it.</source>
        <translation>Hindi ordinaryong numero ang puwesto nito sa canvas; ilipat ang hakbang para maayos ito.</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>Unknown step type “{type}”.</source>
        <translation>Hindi kilalang uri ng hakbang: “{type}”.</translation>
    </message>
    <message>
        <source>A connection points to a step “{step}” that does not exist.</source>
        <translation>May koneksyong papunta sa hakbang na “{step}” na wala naman.</translation>
    </message>
    <message>
        <source>A step cannot be connected to itself.</source>
        <translation>Hindi puwedeng ikonekta ang hakbang sa sarili nito.</translation>
    </message>
    <message>
        <source>The connection leaves from an output “{port}” this step does not have (it has: {ports}).</source>
        <translation>Lumalabas ang koneksyon sa output na “{port}” na wala sa hakbang na ito (ang mayroon ito: {ports}).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>wala</translation>
    </message>
    <message>
        <source>Two identical connections exist; remove one.</source>
        <translation>May dalawang magkaparehong koneksyon; alisin ang isa.</translation>
    </message>
    <message>
        <source>The workflow has no steps yet.</source>
        <translation>Wala pang hakbang ang workflow.</translation>
    </message>
    <message>
        <source>Two triggers have the id “{id}”.</source>
        <translation>Dalawang trigger ang may id na “{id}”.</translation>
    </message>
    <message>
        <source>Trigger “{id}”: </source>
        <translation>Trigger na “{id}”: </translation>
    </message>
    <message>
        <source>Unknown trigger type “{type}” (trigger “{id}”).</source>
        <translation>Hindi kilalang uri ng trigger: “{type}” (trigger na “{id}”).</translation>
    </message>
    <message>
        <source>{prefix}“{label}” names the connection “{connection}”, which does not exist. Add it under Connections, or choose one that exists.</source>
        <translation>{prefix}Ang “{label}” ay tumutukoy sa koneksyong “{connection}”, na wala. Idagdag ito sa Mga Koneksyon, o pumili ng mayroon na.</translation>
    </message>
    <message>
        <source>“{label}” must be an ordinary number (not NaN or Infinity)</source>
        <translation>Dapat ordinaryong numero ang “{label}” (hindi NaN o Infinity)</translation>
    </message>
    <message>
        <source>A template refers to a step “{step}” that does not exist.</source>
        <translation>May template na tumutukoy sa hakbang na “{step}” na wala naman.</translation>
    </message>
    <message>
        <source>A template uses the output of step “{step}”, which does not run before this step.</source>
        <translation>May template na gumagamit ng output ng hakbang na “{step}”, na hindi tumatakbo bago ang hakbang na ito.</translation>
    </message>
    <message>
        <source>Nothing leads into this step, so it would start on its own with every order, beside the start “{start}”. Connect it after the step it should follow, or remove it.</source>
        <translation>Walang papasok sa hakbang na ito, kaya kusa itong magsisimula sa bawat order, kasabay ng simula na “{start}”. Ikonekta ito pagkatapos ng hakbang na dapat nitong sundan, o alisin ito.</translation>
    </message>
    <message>
        <source>Orders that leave by “{port}” go nowhere: they would end here and never reach {steps}. Connect “{port}” to the step that should follow.</source>
        <translation>Walang pupuntahan ang mga order na lalabas sa “{port}”: dito sila matatapos at hindi aabot sa {steps}. Ikonekta ang “{port}” sa hakbang na dapat sumunod.</translation>
    </message>
    <message>
        <source>Orders that leave by “{port}” end here. If that is not meant, connect it to the step that should follow.</source>
        <translation>Dito natatapos ang mga order na lalabas sa “{port}”. Kung hindi iyon ang gusto, ikonekta ito sa hakbang na dapat sumunod.</translation>
    </message>
    <message>
        <source>“{label}” uses the connection “{connection}”, which has no {secret} saved, so the first order would fail here. Enter it under Connections.</source>
        <translation>Ginagamit ng “{label}” ang koneksyong “{connection}”, na walang naka-save na {secret}, kaya papalya ang unang order dito. Ilagay ito sa Mga Koneksyon.</translation>
    </message>
    <message>
        <source>Nothing can follow “{type}”: the order ends there. Remove the connection to “{next}”, or move this step to the end of its path.</source>
        <translation>Walang puwedeng sumunod sa “{type}”: doon nagtatapos ang order. Alisin ang koneksyon papunta sa “{next}”, o ilipat ang hakbang na ito sa dulo ng daan nito.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>In progress</source>
        <translation>Tumatakbo</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Naghihintay</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>Kailangan ka</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tapos na</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Na-cancel</translation>
    </message>
    <message>
        <source>Demo order</source>
        <translation>Demo na order</translation>
    </message>
    <message>
        <source>Practice run</source>
        <translation>Practice run</translation>
    </message>
    <message>
        <source>{kind}, {state}</source>
        <translation>{kind}, {state}</translation>
    </message>
</context>
</TS>
