//! The Markdown body of a generated directive: an opening that cites what
//! it implements, sections of numbered points, lettered points and dash
//! lists, sometimes a table or footnotes, and a closing. Sentences are
//! composed from the subject domain's phrases and generic pools.

use super::citations::{self, Cite};
use super::issuers::{Catalog, DEPARTMENTS, Issuer, Kind, MINISTRIES, Series, Shape};
use super::names;
use super::people;
use super::plan::{Planned, capitalize, period};
use super::relations::{self, Relation};
use super::rng::Rng;
use super::vocab::{DOMAINS, Domain, EXAMPLES, GLOSSARY};
use crate::citation::CiteKind;
use crate::text::thousands;
use chrono::{Datelike, Duration, NaiveDate};

/// Everything the body of one document depends on.
pub(crate) struct Context<'a> {
    pub seed: u64,
    pub catalog: &'a Catalog,
    pub issuer: &'a Issuer,
    pub series: &'a Series,
    pub doc: &'a Planned,
    pub cites: &'a [Cite],
    /// A relation to an earlier document of the same issuer and series.
    pub relation: Option<&'a Relation>,
}

/// A composed body.
pub(crate) struct Body {
    pub text: String,
    /// The number of a document this one forwards ("có văn bản kèm theo").
    pub forwarded: Option<String>,
    /// Per citation of the context, the kind its sentences meant.
    pub meant: Vec<CiteKind>,
    /// The date the document takes effect, when it says so.
    pub effective: Option<NaiveDate>,
}

/// Words a body may reach before its closing; the closing and footnotes
/// stay well under the 3,000-word ceiling.
const HARD_MAX: usize = 2_650;
const MIN_TARGET: usize = 640;
const SPAN: usize = 1_950;

/// Words in a piece of Markdown: whitespace-separated tokens holding a
/// letter or digit (list markers and table rules are not words).
pub(crate) fn word_count(text: &str) -> usize {
    // Generated text only holds ASCII whitespace, so byte splitting finds
    // the same tokens as `split_whitespace`, faster.
    text.split_ascii_whitespace()
        .filter(|w| {
            w.bytes().any(|b| b.is_ascii_alphanumeric()) || w.chars().any(char::is_alphanumeric)
        })
        .count()
}

/// (province-level, central, district) names of the same agency.
const AGENCIES: &[(&str, &str, &str)] = &[
    ("Sở Y tế", "Bộ Y tế", "Phòng Y tế"),
    (
        "Sở Giáo dục và Đào tạo",
        "Bộ Giáo dục và Đào tạo",
        "Phòng Giáo dục và Đào tạo",
    ),
    (
        "Sở Kế hoạch và Đầu tư",
        "Bộ Kế hoạch và Đầu tư",
        "Phòng Tài chính - Kế hoạch",
    ),
    ("Sở Tài chính", "Bộ Tài chính", "Phòng Tài chính - Kế hoạch"),
    (
        "Sở Lao động - Thương binh và Xã hội",
        "Bộ Lao động - Thương binh và Xã hội",
        "Phòng Lao động - Thương binh và Xã hội",
    ),
    (
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        "Phòng Nông nghiệp và Phát triển nông thôn",
    ),
    (
        "Sở Công Thương",
        "Bộ Công Thương",
        "Phòng Kinh tế và Hạ tầng",
    ),
    (
        "Sở Giao thông vận tải",
        "Bộ Giao thông vận tải",
        "Phòng Kinh tế và Hạ tầng",
    ),
    ("Sở Xây dựng", "Bộ Xây dựng", "Phòng Quản lý đô thị"),
    (
        "Sở Tài nguyên và Môi trường",
        "Bộ Tài nguyên và Môi trường",
        "Phòng Tài nguyên và Môi trường",
    ),
    (
        "Sở Thông tin và Truyền thông",
        "Bộ Thông tin và Truyền thông",
        "Phòng Văn hóa và Thông tin",
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Trung tâm Văn hóa, Thể thao",
    ),
    ("Sở Nội vụ", "Bộ Nội vụ", "Phòng Nội vụ"),
    ("Sở Tư pháp", "Bộ Tư pháp", "Phòng Tư pháp"),
    (
        "Sở Khoa học và Công nghệ",
        "Bộ Khoa học và Công nghệ",
        "Phòng Kinh tế",
    ),
    ("Sở Ngoại vụ", "Bộ Ngoại giao", "Văn phòng HĐND và UBND"),
    ("Công an {P}", "Bộ Công an", "Công an {D}"),
    (
        "Bộ Chỉ huy Quân sự {P}",
        "Bộ Quốc phòng",
        "Ban Chỉ huy Quân sự {D}",
    ),
    ("Thanh tra {P}", "Thanh tra Chính phủ", "Thanh tra {D}"),
    (
        "Bảo hiểm xã hội {P}",
        "Bảo hiểm xã hội Việt Nam",
        "Bảo hiểm xã hội {D}",
    ),
    ("Cục Thuế {P}", "Tổng cục Thuế", "Chi cục Thuế khu vực"),
    (
        "Đài Phát thanh và Truyền hình {P}",
        "Đài Truyền hình Việt Nam",
        "Trung tâm Truyền thông {D}",
    ),
    (
        "Ban Quản lý các khu công nghiệp {P}",
        "Ngân hàng Nhà nước Việt Nam",
        "Phòng Kinh tế và Hạ tầng",
    ),
    (
        "Bộ Chỉ huy Bộ đội Biên phòng {P}",
        "Bộ Tư lệnh Bộ đội Biên phòng",
        "Đồn Biên phòng",
    ),
];

/// Lead agencies of each subject domain, by index into [`AGENCIES`].
const DOMAIN_AGENCIES: &[&[usize]] = &[
    &[0, 16, 10, 6],
    &[2, 6, 3, 22],
    &[2, 3, 8],
    &[10, 12, 16],
    &[5, 17, 8, 23],
    &[12, 13, 10],
    &[5, 2, 6],
    &[7, 16],
    &[1],
    &[0, 5],
    &[4, 19],
    &[9, 5],
    &[12],
    &[18, 16],
    &[3, 20],
    &[5, 23, 16],
    &[16, 5],
    &[12, 16],
    &[16, 17, 23],
    &[11],
    &[9, 8],
];

const PARTY_ACTORS_PROVINCE: &[&str] = &[
    "Ban cán sự đảng Ủy ban nhân dân {P}",
    "Ban Tuyên giáo {PU}",
    "Ban Tổ chức {PU}",
    "Ủy ban Kiểm tra {PU}",
    "Ban Dân vận {PU}",
    "Ban Nội chính {PU}",
    "Đảng đoàn Hội đồng nhân dân {P}",
    "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam {P}",
    "Văn phòng {PU}",
    "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {PU}",
    "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {P}",
];

const PARTY_ACTORS_CENTRAL: &[&str] = &[
    "Ban cán sự đảng Chính phủ",
    "Ban Tuyên giáo Trung ương",
    "Ban Tổ chức Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Ban Dân vận Trung ương",
    "Ban Nội chính Trung ương",
    "Đảng đoàn Quốc hội",
    "Đảng đoàn Mặt trận Tổ quốc Việt Nam",
    "Văn phòng Trung ương Đảng",
    "Các tỉnh ủy, thành ủy trực thuộc Trung ương",
    "Đảng ủy Khối các cơ quan Trung ương",
];

const PARTY_ACTORS_DISTRICT: &[&str] = &[
    "Ban Tuyên giáo {DU}",
    "Ban Tổ chức {DU}",
    "Ủy ban Kiểm tra {DU}",
    "Ban Dân vận {DU}",
    "Văn phòng {DU}",
    "Đảng ủy các xã, thị trấn",
    "Ủy ban Mặt trận Tổ quốc Việt Nam {D}",
];

const ROLES: &[&str] = &[
    "chủ trì, phối hợp với các cơ quan, đơn vị liên quan",
    "khẩn trương",
    "tập trung chỉ đạo",
    "tiếp tục",
    "chủ động",
    "có trách nhiệm",
    "căn cứ chức năng, nhiệm vụ được giao,",
    "theo dõi, hướng dẫn và",
    "tham mưu, đề xuất giải pháp để",
    "thường xuyên",
];

const ADVERBS: &[&str] = &[
    "Tiếp tục",
    "Khẩn trương",
    "Tập trung",
    "Chủ động",
    "Kiên quyết",
    "Thường xuyên",
    "Quyết liệt",
    "Khẩn trương rà soát,",
];

const GENERIC_ACTIONS: &[&str] = &[
    "quán triệt, triển khai thực hiện nghiêm túc các văn bản chỉ đạo của cấp trên",
    "tăng cường công tác thông tin, tuyên truyền để người dân hiểu, đồng thuận và chấp hành",
    "phân công cụ thể nhiệm vụ, gắn trách nhiệm của tập thể, cá nhân",
    "định kỳ sơ kết, đánh giá, rút kinh nghiệm",
    "kiểm tra, đôn đốc việc triển khai thực hiện tại cơ sở",
    "bố trí kinh phí, nhân lực bảo đảm thực hiện nhiệm vụ",
    "kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích",
    "xử lý nghiêm tập thể, cá nhân thiếu trách nhiệm, để xảy ra sai phạm",
    "tổng hợp khó khăn, vướng mắc, đề xuất giải pháp tháo gỡ",
    "xây dựng kế hoạch cụ thể, phù hợp với tình hình thực tế",
    "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "huy động sự vào cuộc của cả hệ thống chính trị",
    "cập nhật thông tin kịp thời, chính xác lên hệ thống báo cáo",
    "ứng dụng công nghệ thông tin trong theo dõi, đánh giá kết quả thực hiện",
    "rà soát, sửa đổi, bổ sung các quy định không còn phù hợp",
    "đề cao trách nhiệm người đứng đầu cấp ủy, chính quyền",
    "lồng ghép các nguồn vốn, chương trình, dự án trên địa bàn",
    "tổ chức hội nghị sơ kết, tổng kết, nhân rộng mô hình hay, cách làm hiệu quả",
    "chấn chỉnh kịp thời những tồn tại, hạn chế qua kiểm tra",
    "thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất",
    "công khai kết quả thực hiện trên Cổng thông tin điện tử để Nhân dân theo dõi, giám sát",
    "lắng nghe, tiếp thu ý kiến phản ánh, kiến nghị của người dân và doanh nghiệp",
    "phát hiện, biểu dương gương người tốt, việc tốt, điển hình tiên tiến",
    "kiện toàn bộ máy, phân công cán bộ chuyên trách theo dõi",
    "xây dựng bộ chỉ số đánh giá, theo dõi tiến độ theo từng tháng, từng quý",
    "tổ chức tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ cán bộ cơ sở",
    "rà soát, bổ sung danh mục nhiệm vụ, dự án ưu tiên",
    "huy động các nguồn lực xã hội hóa, sự chung tay của cộng đồng doanh nghiệp",
    "tăng cường đối thoại, tiếp xúc, vận động để tạo sự đồng thuận xã hội",
    "xử lý dứt điểm các kiến nghị sau thanh tra, kiểm tra, kiểm toán",
    "tổ chức các đoàn công tác liên ngành kiểm tra tại cơ sở",
    "thiết lập đường dây nóng tiếp nhận phản ánh, kiến nghị",
    "chuẩn bị chu đáo nội dung, tài liệu phục vụ kỳ họp",
    "thống kê, rà soát, phân loại đối tượng để có giải pháp phù hợp",
    "lựa chọn một số địa bàn để làm thí điểm, rút kinh nghiệm trước khi nhân rộng",
];

const GOALS: &[&str] = &[
    ", bảo đảm chất lượng, hiệu quả",
    ", không để bị động, bất ngờ",
    ", kịp thời tháo gỡ khó khăn, vướng mắc",
    ", góp phần hoàn thành các mục tiêu, chỉ tiêu đề ra",
    " theo đúng quy định của pháp luật",
    ", tránh hình thức, lãng phí",
    ", nhất là ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số",
    ", tạo sự đồng thuận cao trong Nhân dân",
    ", bảo đảm công khai, minh bạch",
    ", không để phát sinh điểm nóng",
    ", tuyệt đối không được chủ quan, lơ là",
];

const GROUPS: &[&str] = &[
    "người cao tuổi",
    "trẻ em",
    "học sinh, sinh viên",
    "người lao động tự do",
    "hộ nghèo, hộ cận nghèo",
    "đồng bào dân tộc thiểu số",
    "doanh nghiệp nhỏ và vừa",
    "hợp tác xã",
    "ngư dân",
    "công nhân các khu công nghiệp",
    "cán bộ, công chức, viên chức",
    "người có công với cách mạng",
    "phụ nữ mang thai",
    "người khuyết tật",
    "tiểu thương tại các chợ truyền thống",
];

const GENERIC_SITUATIONS: &[&str] = &[
    "Bên cạnh những kết quả đạt được, công tác lãnh đạo, chỉ đạo ở một số nơi chưa quyết liệt, thiếu sâu sát",
    "Sự phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ, việc thực hiện chế độ báo cáo chưa kịp thời",
    "Nguồn lực bố trí cho nhiệm vụ này còn hạn chế, chưa đáp ứng yêu cầu",
    "Công tác kiểm tra, giám sát chưa thường xuyên, việc xử lý vi phạm có lúc chưa nghiêm",
    "Một số cơ quan, địa phương còn lúng túng trong tổ chức thực hiện",
    "Nhận thức, trách nhiệm của một bộ phận cán bộ, đảng viên và Nhân dân chưa đầy đủ",
    "Một số chỉ tiêu quan trọng đạt thấp, có chỉ tiêu giảm so với cùng kỳ, cần được phân tích, đánh giá kỹ nguyên nhân",
    "Tình trạng né tránh, đùn đẩy, sợ trách nhiệm, không dám quyết định vẫn còn xảy ra ở một số nơi",
    "Việc phân cấp, ủy quyền chưa đồng bộ, còn chồng chéo về chức năng, nhiệm vụ giữa các cơ quan",
    "Hệ thống văn bản hướng dẫn chậm được ban hành, gây lúng túng cho cơ sở trong quá trình thực hiện",
    "Đội ngũ cán bộ làm công tác chuyên môn ở cấp xã còn thiếu về số lượng, hạn chế về năng lực",
    "Cơ sở dữ liệu chưa được cập nhật thường xuyên, số liệu giữa các ngành có lúc chưa thống nhất",
    "Thời tiết diễn biến bất thường, giá cả vật tư đầu vào tăng cao đã tác động trực tiếp đến sản xuất",
    "Dư luận xã hội và báo chí phản ánh một số vụ việc gây bức xúc nhưng việc xác minh, trả lời còn chậm",
    "Ý thức chấp hành pháp luật của một bộ phận người dân và doanh nghiệp chưa cao",
    "Kinh phí bố trí cho cơ sở còn dàn trải, hiệu quả sử dụng chưa tương xứng với nguồn lực đầu tư",
    "Khối lượng công việc lớn, nhiều nhiệm vụ phát sinh đột xuất trong khi biên chế được giao có hạn",
    "Công tác dự báo, tham mưu có lúc chưa kịp thời, chưa sát với diễn biến thực tế",
    "Việc sơ kết, tổng kết, nhân rộng điển hình tiên tiến chưa được chú trọng đúng mức",
    "Một số mô hình, cách làm hay mới dừng lại ở quy mô thí điểm, thiếu tính lan tỏa",
    "Sự phối hợp giữa chính quyền với Mặt trận Tổ quốc và các đoàn thể trong vận động Nhân dân có lúc chưa nhịp nhàng",
    "Hạ tầng kỹ thuật ở vùng sâu, vùng xa, vùng biên giới, hải đảo còn thiếu và yếu",
    "Tình hình an ninh trật tự tại một số địa bàn giáp ranh tiềm ẩn yếu tố phức tạp",
    "Năng lực tài chính, quản trị của nhiều doanh nghiệp, hợp tác xã còn yếu, khả năng chống chịu rủi ro thấp",
    "Việc ứng dụng khoa học, công nghệ vào sản xuất, kinh doanh còn chậm, chưa tạo được bứt phá",
    "Cải cách thủ tục hành chính ở một số lĩnh vực chưa thực chất, người dân còn phải đi lại nhiều lần",
];

/// Statistics that count harm (cases, accidents, violations): never
/// "đạt ...% kế hoạch".
const UNPLANNED: &[&str] = &[
    "ca mắc",
    "vụ ",
    "trường hợp",
    "đơn ",
    "hộ nghèo",
    "ha lúa bị",
    "hộ dân",
    "triệu đồng tiền phạt",
    "phương tiện tàu",
    "lượt công dân",
];

const HEADINGS: &[&str] = &[
    "Công tác lãnh đạo, chỉ đạo",
    "Công tác thông tin, tuyên truyền",
    "Công tác kiểm tra, giám sát",
    "Công tác phối hợp",
    "Bảo đảm nguồn lực",
    "Chế độ thông tin, báo cáo",
    "Công tác thi đua, khen thưởng",
    "Ứng dụng công nghệ thông tin",
];

/// How an issuer speaks: its name for itself, whom it orders, and the
/// agencies and places its points name.
struct Voice {
    own: String,
    addressees: String,
    actors: Vec<String>,
    /// Index of the agency name to use: 0 province, 1 central, 2 district.
    column: usize,
    province_word: String,
    district_word: String,
    area: String,
    scope: String,
    report_to: String,
    places: Vec<String>,
    upper: String,
}

fn fill(template: &str, p: &str, pu: &str, d: &str, du: &str) -> String {
    template
        .replace("{PU}", pu)
        .replace("{P}", p)
        .replace("{DU}", du)
        .replace("{D}", d)
}

fn voice(issuer: &Issuer, rng: &mut Rng) -> Voice {
    let p = issuer.province_word();
    let pu = if p == "tỉnh" {
        "Tỉnh ủy"
    } else {
        "Thành ủy"
    };
    let (d, dname) = issuer.district_parts().unwrap_or(("huyện", ""));
    let du = match d {
        "quận" => "Quận ủy",
        "thành phố" => "Thành ủy",
        _ => "Huyện ủy",
    };
    let districts = if p == "tỉnh" {
        "các huyện, thị xã, thành phố"
    } else {
        "các quận, huyện"
    };
    let level = issuer.kind.level();
    let column = match level {
        0..=2 => 1,
        5 => 2,
        _ => 0,
    };
    let mut actors: Vec<String> = Vec::new();
    for &(province, central, district) in AGENCIES {
        let name = [province, central, district][column];
        let name = fill(name, p, pu, d, du);
        if !actors.contains(&name) {
            actors.push(name);
        }
    }
    let party_pool: &[&str] = match level {
        0..=2 => PARTY_ACTORS_CENTRAL,
        5 => PARTY_ACTORS_DISTRICT,
        _ => PARTY_ACTORS_PROVINCE,
    };
    if issuer.kind.is_party() {
        let mut party: Vec<String> = party_pool.iter().map(|a| fill(a, p, pu, d, du)).collect();
        party.extend(actors);
        actors = party;
    }
    let places: Vec<String> = match level {
        0..=2 => {
            let mut v: Vec<String> = super::provinces::PROVINCES
                .iter()
                .map(|p| {
                    if p.city {
                        if p.name.starts_with("Thành phố") {
                            p.name.to_string()
                        } else {
                            format!("thành phố {}", p.name)
                        }
                    } else {
                        format!("tỉnh {}", p.name)
                    }
                })
                .collect();
            let start = rng.below(v.len());
            v.rotate_left(start);
            v
        }
        5 => (0..8)
            .map(|_| format!("xã {}", names::commune(rng)))
            .collect(),
        _ => {
            let province = issuer.province().expect("provincial issuer has a province");
            let mut v: Vec<String> = province.districts.iter().map(|d| d.to_string()).collect();
            if !province.city {
                v.push(format!("thành phố {}", province.seat));
            }
            v
        }
    };
    let (own, addressees, area, scope, report_to, upper) = match issuer.kind {
        Kind::Politburo => (
            "Bộ Chính trị".to_string(),
            "các cấp ủy, tổ chức đảng, cơ quan, đơn vị trong toàn hệ thống chính trị".to_string(),
            "cả nước".to_string(),
            "trên phạm vi cả nước".to_string(),
            "Bộ Chính trị (qua Văn phòng Trung ương Đảng)".to_string(),
            "BỘ CHÍNH TRỊ".to_string(),
        ),
        Kind::Secretariat => (
            "Ban Bí thư".to_string(),
            "các cấp ủy, tổ chức đảng, cơ quan, đơn vị".to_string(),
            "cả nước".to_string(),
            "trên phạm vi cả nước".to_string(),
            "Ban Bí thư (qua Văn phòng Trung ương Đảng)".to_string(),
            "BAN BÍ THƯ".to_string(),
        ),
        Kind::CentralCommittee => (
            "Ban Chấp hành Trung ương".to_string(),
            "các cấp ủy, tổ chức đảng và toàn thể cán bộ, đảng viên".to_string(),
            "cả nước".to_string(),
            "trên phạm vi cả nước".to_string(),
            "Bộ Chính trị, Ban Bí thư".to_string(),
            "BAN CHẤP HÀNH TRUNG ƯƠNG".to_string(),
        ),
        Kind::Government | Kind::PrimeMinister | Kind::GovernmentOffice => (
            match issuer.kind {
                Kind::Government => "Chính phủ",
                Kind::PrimeMinister => "Thủ tướng Chính phủ",
                _ => "Văn phòng Chính phủ",
            }
            .to_string(),
            "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
                .to_string(),
            "cả nước".to_string(),
            "trên phạm vi cả nước".to_string(),
            "Thủ tướng Chính phủ (qua Văn phòng Chính phủ)".to_string(),
            "THỦ TƯỚNG CHÍNH PHỦ".to_string(),
        ),
        Kind::Ministry(m) => (
            MINISTRIES[m].name.to_string(),
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương và các đơn vị trực thuộc Bộ".to_string(),
            "toàn ngành".to_string(),
            "trên phạm vi cả nước".to_string(),
            format!("{} (qua Văn phòng Bộ)", MINISTRIES[m].name),
            format!("BỘ TRƯỞNG {}", MINISTRIES[m].name.to_uppercase()),
        ),
        Kind::ProvincialParty => (
            format!("Ban Thường vụ {pu}"),
            "các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội các cấp"
                .to_string(),
            format!("toàn {p}"),
            format!("trên địa bàn {p}"),
            format!("Ban Thường vụ {pu} (qua Văn phòng {pu})"),
            format!("BAN THƯỜNG VỤ {}", pu.to_uppercase()),
        ),
        Kind::ProvincialCouncil => (
            format!("Hội đồng nhân dân {p}"),
            format!("Ủy ban nhân dân {p}, các Ban của Hội đồng nhân dân {p}"),
            format!("toàn {p}"),
            format!("trên địa bàn {p}"),
            format!("Thường trực Hội đồng nhân dân {p}"),
            format!("HỘI ĐỒNG NHÂN DÂN {}", p.to_uppercase()),
        ),
        Kind::ProvincialCommittee | Kind::ProvincialOffice => (
            if issuer.kind == Kind::ProvincialOffice {
                format!("Văn phòng Ủy ban nhân dân {p}")
            } else {
                format!("Ủy ban nhân dân {p}")
            },
            format!("Giám đốc các sở, Thủ trưởng các ban, ngành cấp {p}, Chủ tịch Ủy ban nhân dân {districts}"),
            format!("toàn {p}"),
            format!("trên địa bàn {p}"),
            format!("Ủy ban nhân dân {p} (qua Văn phòng Ủy ban nhân dân {p})"),
            format!("CHỦ TỊCH ỦY BAN NHÂN DÂN {}", p.to_uppercase()),
        ),
        Kind::Department(dep) => (
            DEPARTMENTS[dep].name.to_string(),
            format!("các phòng, đơn vị trực thuộc Sở, {} {districts}", DEPARTMENTS[dep].district_office),
            "toàn ngành".to_string(),
            format!("trên địa bàn {p}"),
            format!("{} (qua Văn phòng Sở)", DEPARTMENTS[dep].name),
            format!("GIÁM ĐỐC {}", DEPARTMENTS[dep].name.to_uppercase()),
        ),
        Kind::DistrictParty => (
            format!("Ban Thường vụ {du}"),
            "các chi bộ, đảng bộ trực thuộc, Mặt trận Tổ quốc và các đoàn thể".to_string(),
            format!("toàn {d}"),
            format!("trên địa bàn {d}"),
            format!("Ban Thường vụ {du} (qua Văn phòng {du})"),
            format!("BAN THƯỜNG VỤ {}", du.to_uppercase()),
        ),
        Kind::DistrictCommittee => (
            format!("Ủy ban nhân dân {d}"),
            format!("Thủ trưởng các cơ quan, đơn vị {d}, Chủ tịch Ủy ban nhân dân các xã, thị trấn"),
            format!("toàn {d}"),
            format!("trên địa bàn {d}"),
            format!("Ủy ban nhân dân {d} (qua Văn phòng HĐND và UBND {d})"),
            format!("CHỦ TỊCH ỦY BAN NHÂN DÂN {} {}", d.to_uppercase(), dname.to_uppercase()),
        ),
    };
    Voice {
        own,
        addressees,
        actors,
        column,
        province_word: p.to_string(),
        district_word: d.to_string(),
        area,
        scope,
        report_to,
        places,
        upper,
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Vietnamese digit grouping: `245.312`.
/// A percentage with a decimal comma: `38,5`.
fn percent(tenths: u64) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

struct Writer<'a> {
    ctx: &'a Context<'a>,
    rng: Rng,
    voice: Voice,
    domain: &'static Domain,
    second: &'static Domain,
    out: String,
    words: usize,
    target: usize,
    next_cite: usize,
    footnotes: Vec<String>,
    used: Vec<usize>,
    forwarded: Option<String>,
    meant: Vec<CiteKind>,
    effective: Option<NaiveDate>,
}

impl<'a> Writer<'a> {
    fn para(&mut self, text: &str) {
        self.para_counted(text, word_count(text));
    }

    /// Appends a paragraph whose words are already counted.
    fn para_counted(&mut self, text: &str, words: usize) {
        self.words += words;
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// An item of `pool` not yet used in this document when possible.
    fn fresh(&mut self, pool: &'static [&'static str]) -> &'static str {
        let mut pick = *self.rng.pick_skewed(pool);
        for _ in 0..6 {
            if !self.used.contains(&(pick.as_ptr() as usize)) {
                break;
            }
            pick = *self.rng.pick(pool);
        }
        self.used.push(pick.as_ptr() as usize);
        pick
    }

    fn action(&mut self) -> String {
        let roll = self.rng.below(100);
        let pool = if roll < 62 {
            self.domain.actions
        } else if roll < 80 {
            self.second.actions
        } else {
            GENERIC_ACTIONS
        };
        self.fresh(pool).to_string()
    }

    /// One to three concrete things of the domain, as a list.
    fn examples(&mut self, most: usize) -> String {
        let pool = EXAMPLES[self.ctx.doc.domain as usize];
        let n = 1 + self.rng.below(most);
        let mut picked: Vec<&str> = Vec::with_capacity(n);
        for _ in 0..n {
            let e = *self.rng.pick_skewed(pool);
            if !picked.contains(&e) {
                picked.push(e);
            }
        }
        match picked.len() {
            1 => picked[0].to_string(),
            k => format!("{} và {}", picked[..k - 1].join(", "), picked[k - 1]),
        }
    }

    fn commune(&mut self) -> String {
        let word = *self
            .rng
            .pick(&["xã", "xã", "phường", "thị trấn", "ấp", "thôn"]);
        let name = names::commune(&mut self.rng);
        let place = self.rng.pick(&self.voice.places).clone();
        if place.starts_with("xã ") {
            format!("{word} {name}")
        } else {
            format!("{word} {name}, {place}")
        }
    }

    fn agency(&mut self) -> String {
        let d = self.ctx.doc.domain as usize;
        if self.rng.chance(450) {
            let list = DOMAIN_AGENCIES[d];
            let (p, c, di) = AGENCIES[list[self.rng.zipf(list.len())]];
            let pu = if self.voice.province_word == "tỉnh" {
                "Tỉnh ủy"
            } else {
                "Thành ủy"
            };
            let name = [p, c, di][self.voice.column];
            return fill(
                name,
                &self.voice.province_word,
                pu,
                &self.voice.district_word,
                "Huyện ủy",
            );
        }
        let i = self.rng.zipf(self.voice.actors.len());
        self.voice.actors[i].clone()
    }

    fn other_agency(&mut self, not: &str) -> String {
        for _ in 0..4 {
            let a = self.agency();
            if a != not {
                return a;
            }
        }
        "các cơ quan, đơn vị liên quan".to_string()
    }

    fn role(&mut self, actor: &str) -> String {
        if self.rng.chance(150) {
            let other = self.other_agency(actor);
            return format!("chủ trì, phối hợp với {other}");
        }
        self.fresh(ROLES).to_string()
    }

    fn date_after(&mut self, min: i64, max: i64) -> NaiveDate {
        self.ctx.doc.date + Duration::days(min + self.rng.below((max - min + 1) as usize) as i64)
    }

    fn period(&mut self) -> String {
        let date = self.ctx.doc.date;
        let y = date.year();
        match self.rng.below(6) {
            0 => format!(
                "quý {}/{}",
                ["I", "II", "III", "IV"][(date.month0() / 3) as usize],
                y
            ),
            1 => format!("6 tháng cuối năm {y}"),
            2 => format!("năm {y}"),
            3 => format!("những tháng cuối năm {y}"),
            4 => format!("giai đoạn {}", period(date)),
            _ => format!("năm {}", y + 1),
        }
    }

    fn tail(&mut self) -> String {
        match self.rng.below(13) {
            10 => format!(", nhất là {}", self.examples(2)),
            11 => format!(" đối với {}", self.examples(3)),
            12 => {
                let commune = self.commune();
                format!(" tại {commune}")
            }
            0..=2 => self.fresh(GOALS).to_string(),
            3 => format!(" {}", self.voice.scope),
            4 => {
                let place = self.rng.pick(&self.voice.places).clone();
                format!(", trước hết tại {place}")
            }
            5 => {
                let d = self.date_after(7, 75);
                format!(", hoàn thành trước ngày {}", citations::date_slash(d))
            }
            6 => format!(" đối với {}", self.fresh(GROUPS)),
            7 => {
                let p = self.period();
                format!(" trong {p}")
            }
            _ => String::new(),
        }
    }

    fn situation(&mut self) -> String {
        if self.rng.chance(700) {
            self.fresh(self.domain.situations).to_string()
        } else {
            self.fresh(GENERIC_SITUATIONS).to_string()
        }
    }

    fn statistic(&mut self) -> String {
        let (metric, lo, hi) = *self.rng.pick(self.domain.metrics);
        let planned = !UNPLANNED.iter().any(|p| metric.starts_with(p));
        let span = (hi - lo) / 4 + 1;
        let n = lo + self.rng.below(span as usize) as u64 + self.rng.below(span as usize) as u64;
        let p = 400 + self.rng.below(700) as u64;
        let q = 5 + self.rng.below(400) as u64;
        let change = if self.rng.chance(600) {
            "tăng"
        } else {
            "giảm"
        };
        let before = self.ctx.doc.date - Duration::days(1 + self.rng.below(20) as i64);
        let form = if planned {
            self.rng.below(4)
        } else {
            1 + self.rng.below(2)
        };
        match form {
            0 => format!(
                "Tính đến ngày {}, {} đã có {} {metric}, đạt {}% kế hoạch",
                citations::date_slash(before),
                self.voice.area,
                thousands(n),
                percent(p)
            ),
            1 => format!(
                "Lũy kế từ đầu năm đến nay, {} ghi nhận {} {metric}, {change} {}% so với cùng kỳ năm trước",
                self.voice.area,
                thousands(n),
                percent(q)
            ),
            2 => {
                let place = self.rng.pick(&self.voice.places).clone();
                format!(
                    "Riêng {place} có {} {metric}, chiếm {}% tổng số của {}",
                    thousands(n / 7 + 1),
                    percent(50 + q / 2),
                    self.voice.area
                )
            }
            _ => {
                let p2 = self.period();
                format!(
                    "Phấn đấu trong {p2}, {} đạt {} {metric}, {change} {}% so với năm trước",
                    self.voice.area,
                    thousands(n + n / 5),
                    percent(q)
                )
            }
        }
    }

    /// Whether the next citation should come now, so that citations spread
    /// over the body and all are placed before the closing.
    fn cite_due(&mut self) -> bool {
        let total = self.ctx.cites.len();
        if self.next_cite >= total {
            return false;
        }
        let progress = self.words * total * 10 / (self.target.max(1) * 8);
        progress >= self.next_cite || self.rng.chance(150)
    }

    fn take_cite(&mut self) -> Option<&'a Cite> {
        let cite = self.ctx.cites.get(self.next_cite)?;
        self.next_cite += 1;
        Some(cite)
    }

    /// Records what the sentence citing the last citation taken means.
    fn mark(&mut self, kind: CiteKind) {
        if let Some(m) = self
            .next_cite
            .checked_sub(1)
            .and_then(|i| self.meant.get_mut(i))
        {
            *m = (*m).max(kind);
        }
    }

    /// A sentence that cites the next document, sometimes via a footnote.
    fn cited_sentence(&mut self, cite: &Cite) -> String {
        let text = citations::write(cite, &mut self.rng);
        if self.rng.chance(150) && self.footnotes.len() < 3 {
            self.footnotes.push(capitalize(&text));
            let mark = format!("[^{}]", self.footnotes.len());
            let action = self.action();
            let issuer = if cite.issuer.is_empty() {
                "Quốc hội".to_string()
            } else {
                cite.issuer.clone()
            };
            return format!("{} theo chỉ đạo của {issuer}{mark}.", capitalize(&action));
        }
        let action = self.action();
        let (kind, sentence) = match self.rng.below(8) {
            0 => (
                CiteKind::Implements,
                format!("Tiếp tục triển khai thực hiện nghiêm {text}; {action}."),
            ),
            1 => (
                CiteKind::Implements,
                format!(
                    "{} theo đúng tinh thần chỉ đạo tại {text}.",
                    capitalize(&action)
                ),
            ),
            2 => {
                let actor = self.agency();
                (
                    CiteKind::Implements,
                    format!("Thực hiện {text}, {actor} {action}."),
                )
            }
            3 => (
                CiteKind::Mentions,
                format!("{} theo quy định tại {text}.", capitalize(&action)),
            ),
            4 => {
                let actor = self.agency();
                (
                    CiteKind::Implements,
                    format!("{actor} tham mưu triển khai có hiệu quả {text}, trong đó {action}."),
                )
            }
            5 => (
                CiteKind::Implements,
                format!("Quán triệt sâu sắc {text}; {action}."),
            ),
            6 => (CiteKind::Basis, format!("Căn cứ {text}, {action}.")),
            _ => (
                CiteKind::Mentions,
                format!("{} (theo {text}).", capitalize(&action)),
            ),
        };
        self.mark(kind);
        sentence
    }

    fn lead_sentence(&mut self) -> String {
        if self.cite_due()
            && let Some(cite) = self.take_cite()
        {
            return self.cited_sentence(cite);
        }
        let action = self.action();
        let tail = self.tail();
        match self.rng.below(6) {
            5 if self.ctx.issuer.kind.level() >= 3 => {
                let (title, name) = people::leader(
                    self.ctx.seed,
                    self.ctx.catalog,
                    self.ctx.issuer,
                    self.ctx.doc.date,
                    &mut self.rng,
                );
                format!("Giao đồng chí {name}, {title} trực tiếp chỉ đạo {action}{tail}.")
            }
            0 | 1 => {
                let actor = self.agency();
                let role = self.role(&actor);
                let second = self.action();
                format!("{actor} {role} {action}{tail}; {second}.")
            }
            2 => {
                let adverb = self.fresh(ADVERBS);
                let first = adverb.split(' ').next().unwrap_or("").to_lowercase();
                if action.starts_with(&first) {
                    format!("{}{tail}.", capitalize(&action))
                } else {
                    format!("{adverb} {action}{tail}.")
                }
            }
            3 => {
                let subject = *self.rng.pick(self.domain.subjects);
                let second = self.action();
                format!("Về {subject}: {action}; {second}{tail}.")
            }
            _ => format!("{}{tail}.", capitalize(&action)),
        }
    }

    fn sentence(&mut self) -> String {
        match self.rng.below(10) {
            8 if self.rng.chance(400) => {
                let a = *self.rng.pick_skewed(GLOSSARY);
                let b = *self.rng.pick(GLOSSARY);
                if self.rng.chance(500) {
                    format!("Quan tâm giải quyết dứt điểm các vấn đề liên quan đến {a} và {b}.")
                } else {
                    format!(
                        "Rà soát, thống kê đầy đủ các nội dung liên quan đến {a}, {b} để có giải pháp phù hợp."
                    )
                }
            }
            8 => format!("Đặc biệt chú trọng {}.", self.examples(3)),
            9 => {
                let commune = self.commune();
                let situation = self.situation();
                format!("Tại {commune}, {}.", lower_first(&situation))
            }
            0 | 1 => format!("{}.", self.situation()),
            2 => format!("{}.", self.statistic()),
            3 => {
                let actor = self.agency();
                let action = self.action();
                let tail = self.tail();
                format!("{actor} {action}{tail}.")
            }
            _ => {
                let action = self.action();
                let tail = self.tail();
                format!("{}{tail}.", capitalize(&action))
            }
        }
    }

    fn elaboration(&mut self) -> String {
        let mut out = String::new();
        match self.rng.below(10) {
            0..=2 => {
                let n = 2 + self.rng.below(4);
                for i in 0..n {
                    let action = self.action();
                    let tail = self.tail();
                    let end = if i + 1 == n { "." } else { ";" };
                    out.push_str(&format!("- {}{tail}{end}\n", capitalize(&action)));
                }
            }
            3 | 4 => {
                let n = 2 + self.rng.below(3);
                for i in 0..n {
                    let letter = (b'a' + i as u8) as char;
                    let actor = self.agency();
                    let role = self.role(&actor);
                    let action = self.action();
                    let tail = self.tail();
                    out.push_str(&format!("{letter}) {actor} {role} {action}{tail}.\n\n"));
                }
            }
            5..=8 => {
                let n = 1 + self.rng.below(3);
                let sentences: Vec<String> = (0..n).map(|_| self.sentence()).collect();
                out.push_str(&sentences.join(" "));
                out.push('\n');
            }
            _ => {}
        }
        out.trim_end().to_string()
    }

    /// One numbered point; not written when it would pass the ceiling.
    fn point(&mut self, n: usize, heading: Option<String>) -> bool {
        let mut text = match heading {
            Some(h) => format!("{n}. {h}\n\n{}", self.lead_sentence()),
            None => format!("{n}. {}", self.lead_sentence()),
        };
        let more = self.elaboration();
        if !more.is_empty() {
            text.push_str("\n\n");
            text.push_str(&more);
        }
        let words = word_count(&text);
        if self.words + words > HARD_MAX {
            return false;
        }
        self.para_counted(&text, words);
        true
    }

    /// Numbered points until the body reaches `share` per mille of its target.
    fn points(&mut self, share: usize, headings: bool) {
        let goal = self.target * share / 1000;
        let mut n = 1;
        loop {
            let heading =
                (headings && self.rng.chance(500)).then(|| self.fresh(HEADINGS).to_string());
            if !self.point(n, heading) {
                break;
            }
            n += 1;
            if self.words >= goal && n > 2 {
                break;
            }
        }
    }

    fn heading(&mut self, text: &str) {
        self.para(&format!("**{text}**"));
    }

    fn articles(&mut self, start: usize, share: usize) -> usize {
        let goal = self.target * share / 1000;
        let mut n = start;
        while self.words < goal || n == start {
            let title = capitalize(self.fresh(HEADINGS));
            let lead = self.lead_sentence();
            let mut text = format!("**Điều {n}. {title}**\n\n{lead}");
            let points = 2 + self.rng.below(4);
            for i in 1..=points {
                let action = self.action();
                let tail = self.tail();
                text.push_str(&format!("\n\n{i}. {}{tail}.", capitalize(&action)));
            }
            let words = word_count(&text);
            if self.words + words > HARD_MAX {
                break;
            }
            self.para_counted(&text, words);
            n += 1;
        }
        n
    }

    fn table(&mut self) {
        let mut rows = Vec::new();
        if self.rng.chance(500) {
            rows.push("| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |".to_string());
            rows.push("|---|---|---|---|---|".to_string());
            for i in 1..=(3 + self.rng.below(4)) {
                let action = capitalize(&self.action());
                let lead = self.agency();
                let with = self.other_agency(&lead);
                let when = match self.rng.below(3) {
                    0 => "Thường xuyên".to_string(),
                    1 => {
                        let d = self.date_after(15, 120);
                        format!("Trước ngày {}", citations::date_slash(d))
                    }
                    _ => {
                        let d = self.date_after(30, 200);
                        format!(
                            "Quý {}/{}",
                            ["I", "II", "III", "IV"][(d.month0() / 3) as usize],
                            d.year()
                        )
                    }
                };
                rows.push(format!("| {i} | {action} | {lead} | {with} | {when} |"));
            }
        } else {
            let (metric, lo, hi) = *self.rng.pick(self.domain.metrics);
            rows.push(format!(
                "| STT | Đơn vị | Kế hoạch ({metric}) | Thực hiện | Tỷ lệ (%) |"
            ));
            rows.push("|---|---|---:|---:|---:|".to_string());
            let places = self.voice.places.clone();
            let n = places.len().min(3 + self.rng.below(5));
            for (i, place) in places.iter().take(n).enumerate() {
                let plan = (lo + self.rng.below(((hi - lo) / 10 + 1) as usize) as u64) / 4 + 1;
                let done_tenths = 500 + self.rng.below(600) as u64;
                let done = plan * done_tenths / 1000;
                rows.push(format!(
                    "| {} | {} | {} | {} | {} |",
                    i + 1,
                    capitalize(place),
                    thousands(plan),
                    thousands(done),
                    percent(done_tenths)
                ));
            }
        }
        let text = rows.join("\n");
        if self.words + word_count(&text) <= HARD_MAX {
            self.para(&text);
        }
    }

    /// Citations not yet placed, in one sentence before the closing.
    fn remaining_cites(&mut self) {
        let mut rest = Vec::new();
        while let Some(cite) = self.take_cite() {
            rest.push(citations::write(cite, &mut self.rng));
            self.mark(CiteKind::Implements);
        }
        if rest.is_empty() {
            return;
        }
        let text = format!(
            "Các nội dung khác tiếp tục thực hiện theo {}.",
            rest.join("; ")
        );
        self.para(&text);
    }
}

/// The number of words a body aims for: 640-2,590, mean about 1,300
/// (a Beta(2, 4) shape: the second smallest of five uniform draws).
fn target_words(rng: &mut Rng) -> usize {
    let mut draws: Vec<usize> = (0..5).map(|_| rng.below(10_000)).collect();
    draws.sort_unstable();
    MIN_TARGET + SPAN * draws[1] / 10_000
}

/// Composes the body of one document.
pub(crate) fn compose<'a>(ctx: &'a Context<'a>, rng: Rng) -> Body {
    let mut rng = rng;
    let voice = voice(ctx.issuer, &mut rng);
    let domain = &DOMAINS[ctx.doc.domain as usize];
    let second = &DOMAINS[rng.below(DOMAINS.len())];
    let second = if !second.is_active(ctx.doc.date) {
        &DOMAINS[1]
    } else {
        second
    };
    let target = target_words(&mut rng);
    let mut w = Writer {
        ctx,
        rng,
        voice,
        domain,
        second,
        out: String::with_capacity(target * 8),
        words: 0,
        target,
        next_cite: 0,
        footnotes: Vec::new(),
        used: Vec::new(),
        forwarded: None,
        meant: vec![CiteKind::Mentions; ctx.cites.len()],
        effective: None,
    };
    match ctx.series.code {
        "CĐ" => dispatch(&mut w),
        "TB" | "KL" => conclusion(&mut w),
        "CT" => directive(&mut w),
        "KH" => plan(&mut w),
        "BC" => report(&mut w),
        "QĐ" | "NĐ" | "TT" => decision(&mut w),
        "NQ" if ctx.issuer.kind.is_party() => party_resolution(&mut w),
        "NQ" => decision(&mut w),
        _ => letter(&mut w),
    }
    if w.rng.chance(200) {
        w.table();
    }
    w.remaining_cites();
    if let Some(rel) = ctx.relation
        && !matches!(ctx.series.code, "QĐ" | "NĐ" | "TT" | "NQ")
    {
        let kind = citations::about(ctx.series.type_name);
        let (text, effective) = relations::replacing(rel, &kind, ctx.doc.date, &mut w.rng);
        w.effective = effective;
        w.para(&text);
    }
    closing(&mut w);
    let mut text = w.out;
    for (i, note) in w.footnotes.iter().enumerate() {
        text.push_str(&format!("[^{}]: {note}.\n\n", i + 1));
    }
    while text.ends_with('\n') {
        text.pop();
    }
    text.push('\n');
    Body {
        text,
        forwarded: w.forwarded,
        meant: w.meant,
        effective: w.effective,
    }
}

fn purpose(w: &mut Writer) -> String {
    let subject = *w.rng.pick(w.domain.subjects);
    match w.rng.below(4) {
        0 => format!("để tổ chức thực hiện có hiệu quả {subject}"),
        1 => format!(
            "nhằm hoàn thành thắng lợi các mục tiêu, nhiệm vụ năm {}",
            w.ctx.doc.date.year()
        ),
        2 => "để kịp thời chấn chỉnh những tồn tại, hạn chế thời gian qua".to_string(),
        _ => "nhằm nâng cao hiệu lực, hiệu quả công tác lãnh đạo, chỉ đạo, điều hành".to_string(),
    }
}

fn letter(w: &mut Writer) {
    let forwards = matches!(
        w.ctx.issuer.kind,
        Kind::ProvincialOffice | Kind::ProvincialCommittee
    ) && w
        .rng
        .chance(if w.ctx.issuer.kind == Kind::ProvincialOffice {
            700
        } else {
            300
        });
    if forwards && let Some(cite) = w.take_cite() {
        let text = citations::write(cite, &mut w.rng);
        w.para(&format!(
            "{} nhận được {text} (có văn bản kèm theo).",
            w.voice.own
        ));
        if cite.name.is_none() {
            w.forwarded = Some(cite.numbers[0].0.clone());
        }
        let (title, name) = people::leader(
            w.ctx.seed,
            w.ctx.catalog,
            w.ctx.issuer,
            w.ctx.doc.date,
            &mut w.rng,
        );
        w.para(&format!("{title} {name} có ý kiến chỉ đạo như sau:"));
    } else if w.ctx.issuer.kind.is_party()
        && w.rng.chance(500)
        && let Some(cite) = w.ctx.cites.first()
        && let Some(announce) = citations::announce(cite)
    {
        w.next_cite = 1;
        w.mark(CiteKind::Implements);
        let short = citations::short(cite);
        w.para(&format!(
            "{announce}. Để tổ chức thực hiện tốt {short}, {} yêu cầu {} khẩn trương thực hiện một số nhiệm vụ chủ yếu sau:",
            w.voice.own, w.voice.addressees
        ));
    } else {
        let guide = w.ctx.series.code == "HD";
        let opening = match w.take_cite() {
            Some(cite) if guide => {
                w.mark(CiteKind::Guides);
                format!(
                    "Hướng dẫn thi hành {}; ",
                    citations::write(cite, &mut w.rng)
                )
            }
            Some(cite) => {
                w.mark(CiteKind::Implements);
                format!("Thực hiện {}; ", citations::write(cite, &mut w.rng))
            }
            None => String::new(),
        };
        let purpose = purpose(w);
        let text = format!(
            "{opening}{purpose}, {} yêu cầu {} triển khai thực hiện một số nội dung sau:",
            w.voice.own, w.voice.addressees
        );
        w.para(&capitalize(&text));
    }
    w.points(1000, false);
}

fn dispatch(w: &mut Writer) {
    w.para(&format!("{} điện:", w.voice.upper));
    let list = people::recipients(w.ctx.issuer, "CĐ", &mut w.rng);
    if !list.is_empty() {
        let lines: Vec<String> = list.iter().map(|r| format!("- {r}.")).collect();
        w.para(&lines.join("\n"));
    }
    let situation = w.fresh(w.domain.situations);
    let stat = w.statistic();
    w.para(&format!("{situation}. {stat}."));
    let purpose = purpose(w);
    w.para(&capitalize(&format!("{purpose}, {} yêu cầu:", w.voice.own)));
    w.points(1000, false);
}

fn conclusion(w: &mut Writer) {
    let meeting = w.ctx.doc.date - Duration::days(1 + w.rng.below(6) as i64);
    let about = *w.rng.pick(w.domain.subjects);
    let reporter = w.agency();
    let (verb, said) = if w.ctx.series.code == "KL" {
        (
            format!(
                "Tại phiên họp {}, sau khi nghe {reporter} báo cáo",
                citations::date_long(meeting)
            ),
            format!("{} kết luận như sau:", w.voice.own),
        )
    } else {
        let (title, name) = people::leader(
            w.ctx.seed,
            w.ctx.catalog,
            w.ctx.issuer,
            w.ctx.doc.date,
            &mut w.rng,
        );
        (
            format!(
                "Ngày {}, đồng chí {name}, {title} chủ trì cuộc họp nghe {reporter} báo cáo",
                citations::date_slash(meeting)
            ),
            format!("đồng chí {title} kết luận như sau:"),
        )
    };
    let stat = w.situation();
    let (t2, n2) = people::leader(w.ctx.seed, w.ctx.catalog, w.ctx.issuer, meeting, &mut w.rng);
    let a1 = w.agency();
    let a2 = w.other_agency(&a1);
    w.para(&format!(
        "{verb} về {about}. Tham dự cuộc họp có đồng chí {n2}, {t2} và đại diện lãnh đạo {a1}, {a2}. {stat}. Sau khi nghe ý kiến phát biểu của các đại biểu dự họp, {said}"
    ));
    w.points(1000, false);
}

fn directive(w: &mut Writer) {
    let first = w.situation();
    let second = w.situation();
    let opening = match w.take_cite() {
        Some(cite) => {
            w.mark(CiteKind::Implements);
            let verb = *w.rng.pick(&[
                "thực hiện",
                "quán triệt và triển khai",
                "triển khai thực hiện",
            ]);
            format!(
                "Thời gian qua, {verb} {}, ",
                citations::write(cite, &mut w.rng)
            )
        }
        None => "Thời gian qua, ".to_string(),
    };
    w.para(&format!(
        "{opening}{} đã đạt được những kết quả quan trọng. {first}. {second}.",
        w.voice.area
    ));
    let purpose = purpose(w);
    w.para(&capitalize(&format!(
        "{purpose}, {} yêu cầu {} tập trung thực hiện tốt các nhiệm vụ sau:",
        w.voice.own, w.voice.addressees
    )));
    w.points(1000, true);
}

fn plan(w: &mut Writer) {
    let about = citations::about(&w.ctx.doc.title);
    let opening = match w.take_cite() {
        Some(cite) => {
            let (kind, verb) = *w.rng.pick(&[
                (CiteKind::Implements, "Thực hiện"),
                (CiteKind::Implements, "Triển khai"),
                (CiteKind::Implements, "Quán triệt"),
                (CiteKind::Basis, "Căn cứ"),
            ]);
            w.mark(kind);
            format!("{verb} {}, ", citations::write(cite, &mut w.rng))
        }
        None => "Căn cứ tình hình thực tế, ".to_string(),
    };
    w.para(&format!(
        "{opening}{} ban hành Kế hoạch {about}, cụ thể như sau:",
        w.voice.own
    ));
    w.heading("I. MỤC ĐÍCH, YÊU CẦU");
    for (n, label) in [(1, "Mục đích"), (2, "Yêu cầu")] {
        let items: Vec<String> = (0..2 + w.rng.below(2))
            .map(|_| {
                let action = w.action();
                let tail = w.tail();
                format!("- {}{tail}.", capitalize(&action))
            })
            .collect();
        w.para(&format!("{n}. {label}\n\n{}", items.join("\n")));
    }
    w.heading("II. NHIỆM VỤ, GIẢI PHÁP");
    w.points(750, true);
    w.heading("III. TỔ CHỨC THỰC HIỆN");
    if w.rng.chance(350) {
        w.table();
    }
    w.points(1000, false);
}

fn report(w: &mut Writer) {
    let about = citations::about(&w.ctx.doc.title);
    let opening = match w.take_cite() {
        Some(cite) => {
            w.mark(CiteKind::Implements);
            format!("Thực hiện {}, ", citations::write(cite, &mut w.rng))
        }
        None => String::new(),
    };
    w.para(&capitalize(&format!(
        "{opening}{} báo cáo {about} như sau:",
        w.voice.own
    )));
    w.heading("I. KẾT QUẢ THỰC HIỆN");
    let stats: Vec<String> = (0..3).map(|_| w.statistic()).collect();
    w.para(&format!("{}.", stats.join(". ")));
    if w.rng.chance(400) {
        w.table();
    }
    w.points(450, true);
    w.heading("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    let s: Vec<String> = (0..2 + w.rng.below(3)).map(|_| w.situation()).collect();
    w.para(&format!("{}.", s.join(". ")));
    w.heading("III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI");
    w.points(950, false);
    w.heading("IV. ĐỀ XUẤT, KIẾN NGHỊ");
    let action = w.action();
    w.para(&format!(
        "Đề nghị {} quan tâm chỉ đạo, hỗ trợ để {action}.",
        w.voice.report_to.split(" (").next().unwrap_or("cấp trên")
    ));
}

fn party_resolution(w: &mut Writer) {
    w.heading("I. TÌNH HÌNH VÀ NGUYÊN NHÂN");
    let opening = match w.take_cite() {
        Some(cite) => {
            w.mark(CiteKind::Implements);
            format!(
                "Sau {} năm thực hiện {}, ",
                2 + w.rng.below(4),
                citations::write(cite, &mut w.rng)
            )
        }
        None => String::new(),
    };
    let stat = w.statistic();
    let s1 = w.situation();
    w.para(&capitalize(&format!(
        "{opening}{} đã đạt được nhiều kết quả quan trọng. {stat}. {s1}.",
        w.voice.area
    )));
    w.heading("II. QUAN ĐIỂM, MỤC TIÊU");
    let goals: Vec<String> = (0..3)
        .map(|_| {
            let s = w.statistic();
            format!("- {s}.")
        })
        .collect();
    w.para(&goals.join("\n"));
    w.heading("III. NHIỆM VỤ, GIẢI PHÁP");
    w.points(850, true);
    w.heading("IV. TỔ CHỨC THỰC HIỆN");
    w.points(1000, false);
}

fn decision(w: &mut Writer) {
    let central = w.ctx.issuer.kind.level() <= 2;
    let base = if central {
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"
    } else {
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
    };
    let mut grounds = vec![base.to_string()];
    for _ in 0..1 + w.rng.below(2) {
        if let Some(cite) = w.take_cite() {
            w.mark(CiteKind::Basis);
            grounds.push(format!("Căn cứ {};", citations::write(cite, &mut w.rng)));
        }
    }
    let proposer = w.agency();
    grounds.push(format!("Theo đề nghị của {proposer}."));
    w.para(&grounds.join("\n\n"));
    let about = citations::about(&w.ctx.doc.title);
    let enact = match w.ctx.series.code {
        "NĐ" => format!("Chính phủ ban hành Nghị định {about}."),
        "TT" => format!("Bộ trưởng {} ban hành Thông tư {about}.", w.voice.own),
        "NQ" => "QUYẾT NGHỊ:".to_string(),
        _ => "QUYẾT ĐỊNH:".to_string(),
    };
    w.para(&enact);
    let first = match w
        .ctx
        .relation
        .and_then(|r| relations::article(r, &mut w.rng))
    {
        Some(text) => {
            w.para(&text);
            2
        }
        None => 1,
    };
    let next = w.articles(first, 950);
    let executor = if central {
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".to_string()
    } else {
        format!(
            "Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị và {}",
            w.voice.addressees
        )
    };
    let (effective, date) = if w.ctx.series.shape == Shape::Normative || w.rng.chance(250) {
        let d = w.date_after(10, 60);
        let text = match w.rng.below(3) {
            0 => format!("có hiệu lực từ ngày {}", citations::date_slash(d)),
            _ => format!("có hiệu lực thi hành kể từ {}", citations::date_long(d)),
        };
        (text, d)
    } else {
        ("có hiệu lực kể từ ngày ký".to_string(), w.ctx.doc.date)
    };
    w.effective = Some(date);
    let kind = citations::about(w.ctx.series.type_name);
    let said = w
        .ctx
        .relation
        .and_then(|r| relations::ending(r, &kind, &effective, date, &mut w.rng))
        .unwrap_or_else(|| format!("{} này {effective}.", capitalize(&kind)));
    w.para(&format!(
        "**Điều {next}. Tổ chức thực hiện**\n\n{said} {executor} chịu trách nhiệm thi hành {kind} này./."
    ));
}

fn closing(w: &mut Writer) {
    if matches!(w.ctx.series.code, "QĐ" | "NĐ" | "TT")
        || (w.ctx.series.code == "NQ" && !w.ctx.issuer.kind.is_party())
    {
        return;
    }
    let text = match w.ctx.issuer.kind {
        Kind::ProvincialOffice => {
            let (title, _) = people::leader(
                w.ctx.seed,
                w.ctx.catalog,
                w.ctx.issuer,
                w.ctx.doc.date,
                &mut w.rng,
            );
            format!(
                "{} thông báo ý kiến chỉ đạo của {title} đến các cơ quan, đơn vị biết, thực hiện./.",
                w.voice.own
            )
        }
        kind if kind.is_party() => format!(
            "{} yêu cầu {} nghiêm túc quán triệt, triển khai thực hiện; định kỳ báo cáo kết quả về {} để theo dõi, chỉ đạo./.",
            w.voice.own, w.voice.addressees, w.voice.report_to
        ),
        _ => {
            let d = w.date_after(20, 120);
            format!(
                "Yêu cầu {} nghiêm túc triển khai thực hiện; báo cáo kết quả về {} trước ngày {}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh để được hướng dẫn, giải quyết./.",
                w.voice.addressees,
                w.voice.report_to,
                citations::date_slash(d)
            )
        }
    };
    w.para(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_the_vietnamese_way() {
        assert_eq!(thousands(245_312), "245.312");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1.000.000");
        assert_eq!(percent(385), "38,5");
        assert_eq!(percent(1000), "100");
    }

    #[test]
    fn word_count_skips_markup() {
        assert_eq!(word_count("1. Tổ chức | --- | - tiêm vắc-xin"), 5);
    }

    #[test]
    fn targets_stay_in_range() {
        let mut rng = Rng::derive(1, &[]);
        let targets: Vec<usize> = (0..5000).map(|_| target_words(&mut rng)).collect();
        assert!(
            targets
                .iter()
                .all(|&t| (MIN_TARGET..MIN_TARGET + SPAN).contains(&t))
        );
        let mean = targets.iter().sum::<usize>() / targets.len();
        assert!((1200..1400).contains(&mean), "{mean}");
    }
}
