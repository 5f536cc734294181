/**
 * The built-in vocabulary of structural words: lowercase words that web UIs and URL paths
 * use for their own structure (`search`, `cart`, `add`, `to`, `settings`, `btn`, `nav`).
 * A path segment, id, class or (at level `labels`) a word of a control's name is kept
 * only when every word of it is here or in a word the study names; everything else is
 * replaced (PRIVACY.md, "Strings the page controls").
 *
 * Provenance: written by hand for tasktrace from the words of common web UI components,
 * CSS frameworks' class names, HTML element, attribute, role and input-type names, and
 * the path words of shop, mail, code-hosting and account pages. Curated to leave out:
 * words that are also common given names or surnames (`will`, `may`, `mark`, `grace`,
 * `bill`, `frank`, `king`, `young`, `hall`), colours (common
 * surnames: `brown`, `white`, `green`), month names (`april`, `june`), and every word
 * about health, sex, religion, politics, money trouble or other sensitive topics
 * (`test` too: "hiv test"). A study adds words of its own with `structuralWords`.
 *
 * Never bundled into the content script (its size is budgeted): the background builds
 * the word set with `structuralWords()` and hands it to each recorder.
 */
export const STRUCTURAL_VOCABULARY: readonly string[] = `
a b c d e f g h i j k l m n o p q r s t u v w x y z

about above accept accepted access account accounts action actions activate active activity
add added address addresses admin advanced after again agree alert alerts all allow already
also an and answer answers any api app apply approve archive archived archives are area
around article articles as aside ask asset assets assign at attach attachment attachments
audio auth author authors auto available avatar away

back backup badge banner bar base basic be before begin below best beta between block blog
blogs board body bold book bookmark bookmarks books border both bottom box branch branches
breadcrumb breadcrumbs browse btn build builds bulk button buttons buy by

calendar call can cancel cancelled cannot can't canvas caption card cards cart carts catalog
catalogue categories category cell center centre change changes channel channels chart
chat check checkbox checked checkout checklist child children choose clear click clipboard
close closed cloud code col collapse collection collections color colour column columns com
comment comments commit commits common community company compare complete compose config
configure confirm connect contact contacts container content contents context continue
contribute control controls cookie cookies copy count country create created credit crumb
css current custom customer customers customize cut

daily dark dashboard data date dates day days default delete deleted deliver delivery
demo deploy description design desktop detail details dev device dialog did didn't
different direct directory disable disabled discard discount discover discussion double
discussions dismiss display do doc docs document documents does doesn't don't done down
download downloads draft drafts drag drawer drop dropdown due duplicate

each edit editor element else email empty enable enabled end enter entries entry
error errors event events every example expand explore export extension extra

faq faqs favorite favorites favourite favourites feature featured features feed feedback
field fields figure file files filter filters find first fixed flag flex float fold
folder folders follow followers following font footer for forgot fork form format forms
forum forward frame free from full

gallery general get getting gift github gitlab give go goods got grid group groups guest guide
guides

h1 h2 h3 h4 h5 h6 has have header heading headings height help here hidden hide history
home hook hooks horizontal host hour hours how html htm

icon icons id image images import in inbox index info information inline inner input
inputs insert inside install integration integrations into invite invoice invoices is
isn't issue issues it item items it's

js json jump just

key keyboard keys kind

label labels landing language languages large last latest layout learn left legal less let
let's level library light like likes limit line link links list lists load loading local
locale locate location log login logo logout long lookup low

made mail mailbox mailto main manage manager map maps market marketplace markdown master max me media medium
member members mention mentions menu merge message messages meta method middle min minus
mobile modal mode modify module modules month monthly more most move msg multiple mute my

name names nav navbar navigation near need network new news newsletter next no none not note
notes notice notification notifications now number numbers

of off offer offers offline ok okay old on one online only open opened option optional options or
order orders org other out outbox outer output over overlay overview own owner

package packages page pager pages pagination panel param params password passwords paste
people person
path pay payment payments pending per permission permissions php phone pick picture pin pinned prev
place plan plans play please plus policy popular popup portal post posts preferences
preview previous price prices pricing primary print privacy private pro product products
profile profiles progress project projects promo promotion public publish pull pulls push

qty quantity query question questions queue quick quote

radio range rate rating ratings raw re read reader readme recent recently record redo
refresh register related release releases reload remember remove removed reorder reply
report reports repo repos repository request requests required reset resource resources
restore result results return returns review reviews right role root row rows rss rule
rules run

safe sale sales save saved schedule scroll search second secondary section sections
security see select selected send sent separator service services session sessions set
settings setup share shared shipping shop shopping short show sidebar sign signin signout
signup site sitemap size sizes skip slide slider slides small snippet social sort source
spam span star starred stars start started state states static status step steps stock
stop store stories story style submit subscribe subscription subscriptions success suggest
summary support switch sync system

tab table tabs tag tags task tasks team teams template templates terms text textarea
than thank thanks that the their them theme then there these they this thread threads
through thumbnail time timeline tip tips title to today toggle toolbar tools tooltip top
topic topics total track tracking trash tree trending try tutorial type types

ui undo unread unsubscribe up update updated updates upgrade upload uploads url us use
used user username users

value values version vertical via video videos view viewed views visible visit vote

want watch watching we web week weekly welcome what what's when where which wide
width wiki window wishlist with without word work workspace wrap wrapper write wrong

xml

year yes you your yours

zoom

st nd rd th

alertdialog brand choice choices columnheader combobox complementary contentinfo cvc
datetime definition editable exp expiry facts gridcell grow hint img listbox menubar
menuitem menuitemcheckbox menuitemradio otp photo postal presentation progressbar radiogroup
region rowgroup rowheader scrollbar searchbox spinbutton tablist tabpanel tel term textbox
timer toast treegrid treeitem viewport
`
  .split(/\s+/)
  .filter(Boolean);
