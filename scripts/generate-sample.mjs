#!/usr/bin/env node
/**
 * Generates lib/sample/snapshot.ts: the bundled "Sample data — not live" table behind
 * "Try with sample data". It writes hashtag names in popularity order per pool (evergreen, seasonal,
 * per industry, per market) and a list of creator names; lib/sample/index.ts derives a ranked top 100
 * with trends, counts and movement from it for each filter set.
 *
 * Deterministic: the same seed and date give the same file. Run: `node scripts/generate-sample.mjs`
 * (options: --seed N, --date YYYY-MM-DD for the snapshot's day, --out FILE instead of the table).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i], process.argv[i + 1]);
const seed = Number(args.get('--seed') ?? 20261126);
const day = args.get('--date') ?? '2026-11-26';
// 09:00 UTC on the snapshot's day: when the "snapshot" was taken.
const fetchedAt = Date.parse(`${day}T09:00:00Z`);
if (!Number.isFinite(fetchedAt)) throw new Error(`Bad --date ${day}`);

/** Vocabulary is written as one string per list: words separated by spaces (or `sep`). */
function list(text, sep = ' ') {
  return text.split(sep);
}

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(seed);

/** A copy in nearly the same order: each item drifts up or down by about `spread / 2` places. */
function jitterOrder(list, spread) {
  return list
    .map((name, i) => ({ name, key: i + (rand() - 0.5) * spread }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.name);
}

// Evergreen, platform-wide tags: roughly their real-world order of use.
const EVERGREEN = list(
  'fyp foryou foryoupage viral trending tiktok fypシ fy explore funny xyzbca love trend duet comedy capcut viralvideo pov relatable foryourpage tiktokviral greenscreen storytime aesthetic dance music memes satisfying asmr dayinmylife grwm ootd vlog minivlog challenge transition lipsync cute motivation art family friends couple trendingsong slowmo learnontiktok fitcheck cottagecore wholesome tiktokmademebuyit fypviral blowthisup contentcreator smallbusiness',
);

// Late-November season (the snapshot's date): holidays, weather, shopping.
const SEASONAL = list(
  'thanksgiving blackfriday christmas christmastiktok holidayseason cybermonday giftideas friendsgiving winteroutfit christmasdecor cozyseason advent holidaybaking firstsnow christmasmovies uglysweater secretsanta wintervibes blackfridaydeals christmastree thanksgivingdinner adventcalendar giftguide holidaymakeup christmascountdown newyearseve winterarc hotchocolate',
);

// Per industry: stems (the industry's own big tags) and suffixes that people combine with them.
const INDUSTRY_VOCAB = {
  10000000000: {
    stems: list(
      'study studytok learnenglish booktok math history science college teacher language chemistry exam edutok homework physics',
    ),
    suffixes: list(
      'tips withme hacks motivation life routine facts tok check vibes goals help tutorial memes',
    ),
    extra: list('studygram finalsweek spanishlesson lifehack didyouknow pomodoro'),
  },
  11000000000: {
    stems: list(
      'cars carsoftiktok jdm ev tesla motorcycle truck roadtrip carcare detailing bmw supercar offroad classiccar bike',
    ),
    suffixes: list(
      'tok life lovers build review mod check content edit fails tips daily community spotting',
    ),
    extra: list('carguy pov_driving cartok dashcam autodetailing newcar'),
  },
  12000000000: {
    stems: list(
      'momlife baby toddler parenting newborn pregnancy dadlife momtok kids motherhood babyboy babygirl nursery twins sahm',
    ),
    suffixes: list(
      'hacks tips life tok must routine vlog humor check haul journey moments essentials diaries',
    ),
    extra: list('gentleparenting babyfood babyshower genderreveal bumpdate toddlermom'),
  },
  14000000000: {
    stems: list(
      'skincare makeup beauty nails hair skincareroutine makeuptutorial lipstick glowup perfume haircare nailart kbeauty lashes spf',
    ),
    suffixes: list(
      'tips routine hacks tok check haul review inspo look products tutorial musthaves transformation dupes',
    ),
    extra: list('grwmmakeup cleangirl glassskin latte_makeup perfumetok sephorahaul'),
  },
  15000000000: {
    stems: list(
      'tech iphone gadgets ai setup android pcbuild techtok apple coding samsung smarthome laptop chatgpt headphones',
    ),
    suffixes: list(
      'tips hacks review tok unboxing tricks news tools check setup deals gaming life tutorial',
    ),
    extra: list('desksetup techreview programming iphonetricks aitools mechanicalkeyboard'),
  },
  17000000000: {
    stems: list(
      'travel traveltok vacation beach japan bali roadtrip hiking paris solotravel airbnb cruise backpacking italy hotel',
    ),
    suffixes: list(
      'tips vlog guide diaries goals hacks life vibes inspo bucketlist adventures essentials itinerary gems',
    ),
    extra: list('wanderlust hiddengems placestovisit travelbucketlist packwithme vanlife'),
  },
  18000000000: {
    stems: list(
      'cleaning cleantok laundry organization restock cleaninghacks homehacks dishwasher kitchen asmrcleaning declutter storage fridge pantry bathroom',
    ),
    suffixes: list(
      'motivation routine tips hacks asmr tok day inspo restock organization products refresh reset finds',
    ),
    extra: list('sundayreset amazonfinds cleanwithme satisfyingcleaning deepclean homereset'),
  },
  19000000000: {
    stems: list(
      'dog cat puppy kitten dogsoftiktok catsoftiktok pets goldenretriever frenchie rescue doglover petsoftiktok horse bunny parrot',
    ),
    suffixes: list(
      'tok life training mom dad lovers care tips funny vibes check moments content squad',
    ),
    extra: list('dogtraining adoptdontshop funnyanimals zoomies catmom petcare'),
  },
  21000000000: {
    stems: list(
      'diy homedecor renovation interiordesign homeimprovement diyhome woodworking garden homemakeover paint tiles flip plants roomdecor fixerupper',
    ),
    suffixes: list(
      'project tips ideas inspo hacks tok before after update reveal journey progress goals tutorial',
    ),
    extra: list('beforeandafter roommakeover apartmenttherapy diyproject planttok gardentok'),
  },
  22000000000: {
    stems: list(
      'fashion outfit ootd style streetwear thrift sneakers outfitideas shein jewelry vintage fashiontok hauls jeans capsulewardrobe',
    ),
    suffixes: list(
      'inspo check haul ideas tok tips finds style trends lookbook review flip challenge goals',
    ),
    extra: list('fitcheck outfitinspo thrifthaul oldmoney quietluxury getreadywithme'),
  },
  23000000000: {
    stems: list(
      'news movie celebrity netflix kpop anime series popculture music concert tvshow newmusic reality marvel awards',
    ),
    suffixes: list(
      'tok review edit update recommendations scene fans clips theory news moments reaction gossip trailer',
    ),
    extra: list('breakingnews movietok fyppopculture erastour filmtok animeedit'),
  },
  25000000000: {
    stems: list(
      'gaming minecraft fortnite roblox gta6 valorant callofduty cod pokemon nintendo ps5 gamer leagueoflegends genshin fifa',
    ),
    suffixes: list(
      'clips memes tok funny tips build highlights edit setup life moments fails news community',
    ),
    extra: list('gamingsetup gamingclips fyp_gaming eafc indiegame speedrun'),
  },
  27000000000: {
    stems: list(
      'food foodtok recipe cooking baking easyrecipe coffee dinner dessert mukbang healthyfood airfryer pasta streetfood foodie',
    ),
    suffixes: list(
      'ideas tok recipes hack review lover time asmr tips inspo prep challenge vlog lovers',
    ),
    extra: list('whatieatinaday mealprep cookwithme foodreview recipesoftiktok comfortfood'),
  },
  28000000000: {
    stems: list(
      'football soccer gym fitness basketball nba running nfl workout hiking boxing tennis ufc f1 skiing',
    ),
    suffixes: list(
      'tok highlights training edit life motivation skills tips routine fans goals clips challenge news',
    ),
    extra: list('gymtok fitnessmotivation runningtok premierleague championsleague legday'),
  },
  29000000000: {
    stems: list(
      'health wellness mentalhealth selfcare nutrition yoga weightloss sleep healthylifestyle therapy guthealth pilates meditation anxiety hormones',
    ),
    suffixes: list(
      'tips journey routine tok matters awareness check habits hacks goals advice facts support motivation',
    ),
    extra: list('healthtok hotgirlwalk 75hard mentalhealthmatters selfcaresunday wellnesstok'),
  },
};

// Each market's own tags: local language, script and season (non-Latin where the market writes so).
const REGIONAL = {
  US: list('usa thanksgiving2026 nfl nyc collegefootball blackfridayhaul target texas macysparade'),
  GB: list('uk london british christmasjumper greggs strictly ukfood imacelebrity manchester'),
  CA: list('canada toronto canadian hockey greycup vancouver montreal timhortons'),
  AU: list('australia aussie sydney melbourne schoolies aussietiktok bunnings summerinaus'),
  FR: list('pourtoi france humour recette paris noël foot astuce marchédenoël'),
  DE: list(
    'fürdich deutschland lustig rezepte weihnachten weihnachtsmarkt fußball berlin adventskalender',
  ),
  IT: list('perte italia ricette natale divertente calcio roma neiperte napoli'),
  ES: list('parati españa humor navidad recetas madrid loteriadenavidad futbol barcelona'),
  MX: list('parati méxico humor recetas navidad posadas cdmx buenfin ligamx'),
  AR: list('parati argentina humor asado mate buenosaires fiestas futbolargentino'),
  CO: list('parati colombia humor bogotá medellín novenadeaguinaldos navidad vallenato'),
  BR: list('brasil humor receitas natal futebol viraliza memesbr blackfridaybrasil sertanejo'),
  JP: list('おすすめ 日常 猫 ダンス 推し活 料理 冬コーデ クリスマス 紅葉 歌ってみた'),
  KR: list('추천 먹방 일상 댄스챌린지 브이로그 겨울코디 크리스마스 고양이 수능'),
  TW: list('推薦 日常 美食 聖誕節 穿搭 貓咪 旅遊 搞笑 台北'),
  TH: list('ฟีดดดシ อาหาร เทรนด์วันนี้ ตลก ลอยกระทง คริสต์มาส แต่งหน้า เที่ยวไทย'),
  SA: list('اكسبلور السعودية الرياض طبخ ضحك موسم_الرياض قهوة الهلال'),
  AE: list('دبي اكسبلور الامارات ابوظبي dubailife uae اليوم_الوطني dubaifood'),
  EG: list('مصر اكسبلور ضحك القاهرة اكل_مصري الاهلي مسلسلات كورة'),
  IL: list('ישראל תל_אביב מתכון הומור חנוכה טרנד סופגניות'),
  TR: list('keşfet türkiye komedi istanbul yemektarifi futbol keşfetbeniöneçıkar galatasaray'),
  VN: list('xuhuong vietnam ẩmthực hàihước giángsinh reviewănngon tiktokvietnam dulịch'),
  ID: list('fypage indonesia kuliner masak ngakak racuntiktok jalanjalan fypdongggggg'),
  MY: list('fypmalaysia malaysia makan kl lawak resepi cutisekolah kualalumpur'),
  PH: list('fypph philippines pinoy christmasph pasko filipinofood simbanggabi pinoyhumor'),
  SG: list('singapore sgfood hawker sgtiktok singlish sg christmassg orchardroad'),
  ZA: list('southafrica mzansi amapiano braai joburg capetown amapianodance festiveseason'),
};

// Creator display names as TikTok shows them: handles, real names, local scripts.
const CREATORS = list(
  'becky mae|Galicia Gordon|micaelarosa_|Chef Tomo|dani.builds|ゆうき|민지|Lina Haddad|marco.eats|The Study Corner|jessmakes|Noah Brooks|priya.glow|fitwithkai|Ana Lucía|retro.garage|tinyhomeclaire|Sam & Jo|pawsofbruno|Léa Martin|Jonas Weber|giulia.cucina|travelwithtee|Omar Saleh|nguyenthao|Ayu Lestari|kim.hyun|techwithraj|Mia Chen|coach.dre|The Reset Mom|Thabo M|Elif Yılmaz|carlos.futbol|bookish.amy|moto_mateo|glamby.sofia|Hana Sato|rinchan|Daniel Cohen|jade.thrifts|ledger.learns|momof3.tx|gym.ryo|Isabela Souza|pixel.pete|Aisha Rahman|leo.trails|wren.bakes|Mariana Ruiz|Tyler J|cozy.corner.co|sunnyside.vet|Felix Braun|chloe.sews|nina.nutrition|Kofi Mensah|Paulo Reyes|สมชาย|小雨|أحمد|noor.cooks',
  '|',
);

function industryList(vocab) {
  const combos = [];
  for (const stem of vocab.stems) {
    for (const suffix of vocab.suffixes) {
      if (!stem.endsWith(suffix) && !combos.includes(stem + suffix)) combos.push(stem + suffix);
    }
  }
  // Big stems first, then a mix of the industry's extras and a random choice of combinations.
  const picked = new Set([...vocab.stems]);
  const extras = [...vocab.extra];
  while (picked.size < 120) {
    if (extras.length && rand() < 0.15) picked.add(extras.shift());
    else picked.add(combos[Math.floor(rand() * combos.length)]);
  }
  for (const e of extras) picked.add(e);
  const list = [...picked];
  return [...jitterOrder(list.slice(0, 15), 6), ...jitterOrder(list.slice(15), 40)];
}

const industries = Object.fromEntries(
  Object.entries(INDUSTRY_VOCAB).map(([id, vocab]) => [id, industryList(vocab).join(' ')]),
);
const snapshot = {
  fetchedAt,
  evergreen: jitterOrder(EVERGREEN, 4).join(' '),
  seasonal: jitterOrder(SEASONAL, 6).join(' '),
  industries,
  regional: Object.fromEntries(
    Object.entries(REGIONAL).map(([code, tags]) => [code, jitterOrder(tags, 3).join(' ')]),
  ),
  creators: CREATORS.join('|'),
};

for (const list of [
  snapshot.evergreen,
  snapshot.seasonal,
  ...Object.values(industries),
  ...Object.values(snapshot.regional),
]) {
  for (const name of list.split(' ')) {
    if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(name)) throw new Error(`Not a hashtag: ${name}`);
  }
}

const table = fileURLToPath(new URL('../lib/sample/snapshot.ts', import.meta.url));
const out = args.get('--out') ?? table;
const source = `/**
 * GENERATED by scripts/generate-sample.mjs (seed ${seed}, date ${day}) — do not edit by hand.
 * The table behind "Try with sample data": hashtag names per pool, space-separated, most popular
 * first; creators separated by "|". lib/sample/index.ts ranks a top 100 from it per filter set.
 */
export const SNAPSHOT = ${JSON.stringify(snapshot)} as const;
`;
const formatted = await prettier.format(source, {
  ...(await prettier.resolveConfig(table)),
  filepath: table,
});
await writeFile(out, formatted);
console.log(`wrote ${out} (${formatted.length} bytes)`);
