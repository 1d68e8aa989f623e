//! Subject domains of directives: title subjects, topics, the actions the
//! points order, situations and statistics. Pools are ordered roughly from
//! most to least common, since picks favour low ranks.

/// One field of government work.
pub(crate) struct Domain {
    /// Noun phrases for titles, lower case (`công tác phòng, chống dịch Covid-19`).
    pub subjects: &'static [&'static str],
    /// Its topic tags, most specific first.
    pub topics: &'static [&'static str],
    /// Active from and to (see [`ymd`], inclusive).
    pub active: (u32, u32),
    pub weight: u64,
    /// Verb phrases, lower case, without final punctuation.
    pub actions: &'static [&'static str],
    /// Sentences describing the situation, without final punctuation.
    pub situations: &'static [&'static str],
    /// Units that statistics count, with a plausible range.
    pub metrics: &'static [(&'static str, u64, u64)],
}

/// A date as the number `yyyymmdd`.
pub(crate) const fn ymd(year: u32, month: u32, day: u32) -> u32 {
    year * 10_000 + month * 100 + day
}

const ALWAYS: (u32, u32) = (ymd(2000, 1, 1), ymd(2099, 12, 31));

impl Domain {
    /// Whether documents of this date write about the domain.
    pub(crate) fn is_active(&self, date: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        let day = ymd(date.year() as u32, date.month(), date.day());
        (self.active.0..=self.active.1).contains(&day)
    }
}

pub(crate) const COVID: usize = 0;
pub(crate) const DISASTER: usize = 4;
pub(crate) const PARTY_DOMAINS: &[usize] = &[12, 1, 13, 0];

pub(crate) const DOMAINS: &[Domain] = &[
    // 0
    Domain {
        subjects: &[
            "công tác phòng, chống dịch Covid-19",
            "các biện pháp phòng, chống dịch bệnh Covid-19",
            "công tác phòng, chống dịch Covid-19 và phát triển kinh tế - xã hội",
            "công tác tiêm vắc-xin phòng Covid-19",
            "thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19",
        ],
        topics: &["Covid-19", "Y tế"],
        active: (ymd(2020, 2, 1), ymd(2022, 6, 30)),
        weight: 150,
        actions: &[
            "tổ chức tiêm vắc-xin phòng Covid-19 an toàn, khoa học, hiệu quả cho các đối tượng ưu tiên",
            "thực hiện nghiêm yêu cầu 5K tại nơi làm việc, nơi công cộng và trên các phương tiện giao thông",
            "kiểm soát chặt chẽ người nhập cảnh, người từ các địa phương có dịch trở về địa bàn",
            "khoanh vùng, truy vết, cách ly, xét nghiệm triệt để các trường hợp F0, F1",
            "bảo đảm đủ trang thiết bị, vật tư y tế, sinh phẩm xét nghiệm và thuốc điều trị",
            "chuẩn bị sẵn sàng phương án thiết lập bệnh viện dã chiến, khu cách ly tập trung",
            "duy trì hoạt động của các tổ Covid cộng đồng tại khu dân cư",
            "tăng cường kiểm tra việc thực hiện các biện pháp phòng, chống dịch tại các cơ sở sản xuất, kinh doanh",
            "xử lý nghiêm các tổ chức, cá nhân vi phạm quy định về phòng, chống dịch",
            "thực hiện giãn cách xã hội tại những địa bàn có nguy cơ rất cao",
            "hỗ trợ kịp thời người lao động, người sử dụng lao động gặp khó khăn do đại dịch",
            "bảo đảm lưu thông hàng hóa thiết yếu, không để đứt gãy chuỗi cung ứng",
            "cập nhật kịp thời thông tin về tình hình dịch bệnh trên Cổng thông tin điện tử",
            "ứng dụng công nghệ thông tin trong khai báo y tế, quét mã QR và quản lý người cách ly",
            "giữ vững vùng xanh, thu hẹp vùng vàng, vùng đỏ",
            "tổ chức xét nghiệm sàng lọc diện rộng tại các khu vực có nguy cơ",
            "quản lý chặt chẽ các trường hợp cách ly tại nhà, nơi lưu trú",
            "huy động lực lượng y tế tư nhân, sinh viên y khoa tham gia hỗ trợ tuyến đầu",
            "thực hiện phương châm bốn tại chỗ trong công tác phòng, chống dịch",
            "phân loại, điều trị người mắc Covid-19 theo tầng, giảm thấp nhất số ca tử vong",
        ],
        situations: &[
            "Tình hình dịch bệnh Covid-19 trên thế giới và trong khu vực tiếp tục diễn biến phức tạp, xuất hiện các biến chủng mới có tốc độ lây lan nhanh",
            "Trong những ngày gần đây, số ca mắc mới trong cộng đồng có xu hướng gia tăng tại nhiều địa phương",
            "Nguy cơ dịch bệnh xâm nhập qua đường biên giới, cửa khẩu và lây lan trong cộng đồng là rất cao",
            "Một số nơi còn biểu hiện chủ quan, lơ là, mất cảnh giác; việc thực hiện các biện pháp phòng, chống dịch chưa nghiêm",
            "Công tác tiêm vắc-xin tuy đạt kết quả bước đầu nhưng tỷ lệ bao phủ ở một số nhóm đối tượng còn thấp",
            "Hệ thống y tế cơ sở chịu áp lực lớn, đội ngũ cán bộ y tế tuyến đầu làm việc liên tục trong thời gian dài",
        ],
        metrics: &[
            ("liều vắc-xin phòng Covid-19", 20_000, 2_000_000),
            ("mẫu xét nghiệm", 5_000, 900_000),
            ("trường hợp cách ly tập trung", 100, 20_000),
        ],
    },
    // 1
    Domain {
        subjects: &[
            "phát triển kinh tế - xã hội",
            "nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh",
            "các giải pháp thúc đẩy tăng trưởng kinh tế",
            "phục hồi và phát triển kinh tế - xã hội",
            "cải thiện môi trường đầu tư kinh doanh",
        ],
        topics: &["Kinh tế - xã hội", "Doanh nghiệp"],
        active: ALWAYS,
        weight: 110,
        actions: &[
            "tập trung tháo gỡ khó khăn, vướng mắc cho sản xuất, kinh doanh",
            "cải thiện môi trường đầu tư kinh doanh, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
            "đẩy mạnh thu hút đầu tư vào các khu công nghiệp, cụm công nghiệp",
            "tăng cường công tác quản lý thị trường, bình ổn giá cả các mặt hàng thiết yếu",
            "hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận vốn tín dụng ưu đãi",
            "thúc đẩy tiêu thụ nông sản, mở rộng thị trường xuất khẩu",
            "rà soát, điều chỉnh các chỉ tiêu kế hoạch phù hợp với tình hình thực tế",
            "phát triển thương mại điện tử và các kênh phân phối hiện đại",
            "tổ chức đối thoại với doanh nghiệp, nhà đầu tư để kịp thời giải quyết kiến nghị",
            "thực hành tiết kiệm, chống lãng phí trong chi tiêu công",
            "phát triển kinh tế tập thể, hợp tác xã gắn với chuỗi giá trị",
            "xây dựng kịch bản tăng trưởng theo từng quý, từng ngành, lĩnh vực",
            "nâng cao chất lượng nguồn nhân lực đáp ứng yêu cầu phát triển",
            "đẩy nhanh tiến độ lập quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
            "khuyến khích khởi nghiệp đổi mới sáng tạo, phát triển doanh nghiệp công nghệ",
            "tháo gỡ vướng mắc về mặt bằng, thủ tục cho các dự án đầu tư ngoài ngân sách",
        ],
        situations: &[
            "Tăng trưởng kinh tế tiếp tục được duy trì nhưng một số chỉ tiêu chưa đạt kế hoạch đề ra",
            "Sản xuất công nghiệp, thương mại, dịch vụ từng bước phục hồi; thu hút đầu tư có chuyển biến tích cực",
            "Hoạt động sản xuất, kinh doanh của doanh nghiệp còn gặp nhiều khó khăn do chi phí đầu vào tăng cao",
            "Giá cả một số mặt hàng thiết yếu biến động, ảnh hưởng đến đời sống của người dân",
            "Kim ngạch xuất khẩu tăng khá, song thị trường tiêu thụ còn phụ thuộc vào một số đối tác lớn",
        ],
        metrics: &[
            ("doanh nghiệp thành lập mới", 100, 5_000),
            ("dự án đầu tư được chấp thuận chủ trương", 5, 200),
            (
                "tỷ đồng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
                1_000,
                90_000,
            ),
        ],
    },
    // 2
    Domain {
        subjects: &[
            "giải ngân vốn đầu tư công",
            "kế hoạch đầu tư công trung hạn giai đoạn 2021-2025",
            "công tác bồi thường, giải phóng mặt bằng các dự án trọng điểm",
            "đẩy nhanh tiến độ thực hiện và giải ngân kế hoạch vốn đầu tư công",
        ],
        topics: &["Đầu tư công", "Ngân sách"],
        active: ALWAYS,
        weight: 70,
        actions: &[
            "đẩy nhanh tiến độ giải ngân kế hoạch vốn đầu tư công được giao",
            "tập trung tháo gỡ vướng mắc trong công tác bồi thường, hỗ trợ, tái định cư",
            "điều chuyển vốn từ các dự án chậm giải ngân sang các dự án có khả năng giải ngân tốt",
            "kiên quyết xử lý các nhà thầu vi phạm tiến độ, năng lực thi công hạn chế",
            "hoàn thiện hồ sơ thủ tục đầu tư, thẩm định, phê duyệt dự án",
            "tăng cường kiểm tra, giám sát chất lượng công trình",
            "thanh toán khối lượng hoàn thành ngay khi có đủ điều kiện",
            "lập kế hoạch đầu tư công năm sau bảo đảm đúng nguyên tắc, tiêu chí, định mức",
            "gắn trách nhiệm người đứng đầu với kết quả giải ngân",
            "công khai tiến độ giải ngân của từng chủ đầu tư, từng dự án",
            "bố trí đủ vốn đối ứng cho các dự án sử dụng vốn ODA",
            "rà soát, quyết toán dứt điểm các dự án hoàn thành",
            "kiểm soát giá vật liệu xây dựng, bảo đảm nguồn cung cát, đá cho công trình",
        ],
        situations: &[
            "Tỷ lệ giải ngân vốn đầu tư công đến nay còn thấp so với kế hoạch và cùng kỳ năm trước",
            "Công tác giải phóng mặt bằng tại một số dự án còn chậm, ảnh hưởng đến tiến độ thi công",
            "Giá nguyên vật liệu xây dựng tăng cao làm ảnh hưởng đến tiến độ thực hiện của các nhà thầu",
            "Một số chủ đầu tư chưa quyết liệt, còn tâm lý chờ đợi, đùn đẩy trách nhiệm",
        ],
        metrics: &[
            ("tỷ đồng vốn đầu tư công", 200, 15_000),
            ("dự án hoàn thành đưa vào sử dụng", 5, 300),
            ("hộ dân bị ảnh hưởng bởi dự án", 20, 3_000),
        ],
    },
    // 3
    Domain {
        subjects: &[
            "chuyển đổi số",
            "xây dựng chính quyền điện tử, hướng tới chính quyền số",
            "cung cấp dịch vụ công trực tuyến",
            "phát triển kinh tế số và xã hội số",
            "ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
        ],
        topics: &["Chuyển đổi số", "Cải cách hành chính"],
        active: ALWAYS,
        weight: 60,
        actions: &[
            "nâng cao tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến",
            "kết nối, chia sẻ dữ liệu giữa các hệ thống thông tin với Cơ sở dữ liệu quốc gia về dân cư",
            "ứng dụng chữ ký số trong xử lý văn bản điện tử",
            "bảo đảm an toàn, an ninh thông tin mạng cho các hệ thống dùng chung",
            "phổ cập kỹ năng số cho người dân thông qua các tổ công nghệ số cộng đồng",
            "đẩy mạnh thanh toán không dùng tiền mặt trong các dịch vụ công",
            "xây dựng kho dữ liệu dùng chung và nền tảng tích hợp, chia sẻ dữ liệu",
            "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "phát triển hạ tầng băng rộng, phủ sóng di động đến các thôn, ấp vùng sâu, vùng xa",
            "ứng dụng nền tảng số trong quản lý đô thị thông minh",
            "hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
            "triển khai cấp căn cước công dân gắn chíp và tài khoản định danh điện tử",
            "vận hành hiệu quả hệ thống họp trực tuyến kết nối đến cấp xã",
        ],
        situations: &[
            "Hạ tầng số và nguồn nhân lực công nghệ thông tin còn hạn chế, chưa đáp ứng yêu cầu",
            "Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp; nhiều dịch vụ công chưa phát sinh hồ sơ",
            "Nhận thức về chuyển đổi số của một bộ phận cán bộ, công chức và người dân chưa đầy đủ",
            "Dữ liệu của các ngành còn phân tán, chưa được chuẩn hóa, khó kết nối, chia sẻ",
        ],
        metrics: &[
            ("hồ sơ trực tuyến toàn trình", 1_000, 400_000),
            (
                "tài khoản định danh điện tử được kích hoạt",
                10_000,
                900_000,
            ),
            ("thủ tục hành chính được số hóa", 100, 2_000),
        ],
    },
    // 4
    Domain {
        subjects: &[
            "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
            "chủ động ứng phó với mưa lũ, sạt lở đất",
            "phòng, chống hạn hán, xâm nhập mặn",
            "khắc phục hậu quả mưa lũ",
        ],
        topics: &["Thiên tai", "Nông nghiệp"],
        active: ALWAYS,
        weight: 50,
        actions: &[
            "theo dõi chặt chẽ diễn biến của bão, áp thấp nhiệt đới và mưa lũ",
            "kêu gọi, hướng dẫn tàu thuyền đang hoạt động trên biển di chuyển vào nơi tránh trú an toàn",
            "tổ chức sơ tán người dân ra khỏi khu vực nguy hiểm, vùng có nguy cơ sạt lở đất",
            "kiểm tra, bảo đảm an toàn hồ đập, đê điều và các công trình thủy lợi",
            "chuẩn bị lực lượng, phương tiện theo phương châm bốn tại chỗ",
            "dự trữ lương thực, thực phẩm, nước uống tại các khu vực dễ bị chia cắt",
            "khắc phục nhanh hậu quả, sớm ổn định đời sống Nhân dân",
            "bố trí lực lượng canh gác, hướng dẫn giao thông tại các ngầm tràn, khu vực ngập sâu",
            "tích trữ nước ngọt, điều tiết hợp lý nguồn nước phục vụ sản xuất và sinh hoạt",
            "rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro",
            "tổ chức diễn tập phòng, chống thiên tai và tìm kiếm cứu nạn",
            "thu hoạch sớm lúa, hoa màu, thủy sản đến kỳ thu hoạch",
            "gia cố nhà cửa, chằng chống kho tàng, trụ sở, bảo vệ cột ăng-ten",
        ],
        situations: &[
            "Theo dự báo của cơ quan khí tượng thủy văn, mùa mưa bão năm nay có diễn biến phức tạp, khó lường",
            "Mưa lớn kéo dài trong nhiều ngày đã gây ngập úng cục bộ, sạt lở đất tại một số khu vực miền núi",
            "Tình trạng xâm nhập mặn lấn sâu vào nội đồng ảnh hưởng đến sản xuất nông nghiệp và nước sinh hoạt",
            "Nhiều tuyến đê bao, bờ kè xuống cấp, tiềm ẩn nguy cơ mất an toàn khi có triều cường",
        ],
        metrics: &[
            ("hộ dân được sơ tán", 50, 20_000),
            ("ha lúa bị ngập úng", 50, 30_000),
            (
                "phương tiện tàu thuyền được kêu gọi vào nơi tránh trú",
                100,
                8_000,
            ),
        ],
    },
    // 5
    Domain {
        subjects: &[
            "cải cách hành chính",
            "nâng cao chỉ số cải cách hành chính và chỉ số hài lòng của người dân",
            "kiểm soát thủ tục hành chính",
            "siết chặt kỷ luật, kỷ cương hành chính",
        ],
        topics: &["Cải cách hành chính"],
        active: ALWAYS,
        weight: 60,
        actions: &[
            "rà soát, đơn giản hóa thủ tục hành chính, cắt giảm thời gian giải quyết",
            "nâng cao chất lượng hoạt động của Trung tâm Phục vụ hành chính công",
            "thực hiện nghiêm cơ chế một cửa, một cửa liên thông",
            "công khai, minh bạch các thủ tục hành chính tại nơi tiếp nhận",
            "chấn chỉnh tình trạng trễ hẹn trong giải quyết hồ sơ",
            "tăng cường kiểm tra công vụ, xử lý nghiêm cán bộ, công chức nhũng nhiễu, gây phiền hà",
            "sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
            "đánh giá, xếp loại cán bộ, công chức gắn với kết quả thực hiện nhiệm vụ",
            "khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
            "thực hiện tinh giản biên chế theo lộ trình",
            "đẩy mạnh phân cấp, ủy quyền trong giải quyết thủ tục hành chính",
            "xin lỗi công khai người dân khi để hồ sơ quá hạn",
        ],
        situations: &[
            "Chỉ số cải cách hành chính năm qua có cải thiện nhưng một số chỉ số thành phần còn thấp",
            "Tình trạng hồ sơ trễ hẹn vẫn còn xảy ra ở một số cơ quan, địa phương",
            "Kỷ luật, kỷ cương hành chính có nơi chưa nghiêm; tinh thần trách nhiệm của một bộ phận cán bộ chưa cao",
        ],
        metrics: &[
            ("hồ sơ thủ tục hành chính", 10_000, 900_000),
            ("thủ tục hành chính được đơn giản hóa", 10, 500),
        ],
    },
    // 6
    Domain {
        subjects: &[
            "xây dựng nông thôn mới",
            "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
            "xây dựng xã nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
            "Chương trình mỗi xã một sản phẩm",
        ],
        topics: &["Nông thôn mới", "Nông nghiệp"],
        active: ALWAYS,
        weight: 45,
        actions: &[
            "huy động các nguồn lực xã hội hóa đầu tư hạ tầng nông thôn",
            "nâng cấp, mở rộng đường giao thông nông thôn, kênh mương nội đồng",
            "phát triển sản phẩm OCOP gắn với lợi thế của từng địa phương",
            "chuyển đổi cơ cấu cây trồng, vật nuôi phù hợp với điều kiện thổ nhưỡng",
            "xây dựng cánh đồng lớn, vùng nguyên liệu tập trung đạt tiêu chuẩn VietGAP",
            "nâng cao thu nhập, cải thiện đời sống vật chất, tinh thần của người dân nông thôn",
            "cải tạo cảnh quan, vệ sinh môi trường khu dân cư theo tiêu chí xanh, sạch, đẹp",
            "phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới",
            "thẩm định, xét công nhận các xã đạt chuẩn theo đúng quy trình",
            "duy trì, nâng chất các tiêu chí đã đạt",
            "phát triển hợp tác xã kiểu mới, liên kết sản xuất theo chuỗi giá trị",
            "cấp mã số vùng trồng cho sầu riêng, thanh long, xoài, vải thiều xuất khẩu",
        ],
        situations: &[
            "Phong trào xây dựng nông thôn mới tiếp tục được các cấp, các ngành quan tâm, đạt nhiều kết quả quan trọng",
            "Một số tiêu chí như thu nhập, môi trường, hộ nghèo còn khó khăn, thiếu tính bền vững",
        ],
        metrics: &[
            ("xã đạt chuẩn nông thôn mới", 5, 120),
            ("sản phẩm OCOP được công nhận", 5, 200),
            ("km đường giao thông nông thôn", 10, 900),
        ],
    },
    // 7
    Domain {
        subjects: &[
            "bảo đảm trật tự, an toàn giao thông",
            "kiềm chế, giảm tai nạn giao thông",
            "xử lý vi phạm nồng độ cồn khi điều khiển phương tiện",
        ],
        topics: &["An toàn giao thông"],
        active: ALWAYS,
        weight: 40,
        actions: &[
            "tăng cường tuần tra, kiểm soát, xử lý nghiêm vi phạm về nồng độ cồn, tốc độ, chở quá tải trọng",
            "rà soát, khắc phục các điểm đen, điểm tiềm ẩn nguy cơ tai nạn giao thông",
            "tuyên truyền, phổ biến pháp luật về trật tự, an toàn giao thông trong trường học",
            "quản lý chặt chẽ hoạt động vận tải hành khách, bến khách ngang sông",
            "xử lý dứt điểm tình trạng lấn chiếm hành lang an toàn đường bộ",
            "kiểm tra, bảo đảm an toàn cho các phương tiện thủy nội địa chở khách",
            "bố trí lực lượng phân luồng, điều tiết giao thông trong dịp lễ, Tết",
            "lắp đặt hệ thống camera giám sát giao thông tại các nút giao trọng điểm",
            "siết chặt công tác đào tạo, sát hạch, cấp giấy phép lái xe",
            "kiểm soát tải trọng xe tại các trạm cân cố định và lưu động",
        ],
        situations: &[
            "Tình hình trật tự, an toàn giao thông trên địa bàn cơ bản được kiểm soát nhưng vẫn còn diễn biến phức tạp",
            "Số vụ tai nạn giao thông nghiêm trọng do vi phạm nồng độ cồn có chiều hướng gia tăng",
        ],
        metrics: &[
            ("vụ tai nạn giao thông", 10, 600),
            ("trường hợp vi phạm bị xử lý", 500, 60_000),
            ("triệu đồng tiền phạt", 100, 50_000),
        ],
    },
    // 8
    Domain {
        subjects: &[
            "nhiệm vụ năm học",
            "công tác chuẩn bị và tổ chức kỳ thi tốt nghiệp trung học phổ thông",
            "thực hiện Chương trình giáo dục phổ thông 2018",
            "công tác tuyển sinh đầu cấp",
            "bảo đảm an toàn trường học",
        ],
        topics: &["Giáo dục"],
        active: ALWAYS,
        weight: 45,
        actions: &[
            "tổ chức dạy học trực tiếp kết hợp với trực tuyến phù hợp với điều kiện thực tế",
            "bảo đảm đủ sách giáo khoa, thiết bị dạy học theo Chương trình giáo dục phổ thông 2018",
            "rà soát, sắp xếp mạng lưới trường lớp, khắc phục tình trạng thiếu giáo viên",
            "chuẩn bị chu đáo các điều kiện tổ chức kỳ thi tốt nghiệp trung học phổ thông an toàn, nghiêm túc",
            "tăng cường công tác bảo đảm an toàn trường học, phòng, chống đuối nước cho học sinh",
            "thực hiện phổ cập giáo dục, xóa mù chữ ở vùng đồng bào dân tộc thiểu số",
            "đổi mới phương pháp dạy học, kiểm tra, đánh giá theo hướng phát triển phẩm chất, năng lực người học",
            "bồi dưỡng đội ngũ giáo viên, cán bộ quản lý giáo dục",
            "vận động học sinh bỏ học trở lại lớp",
            "tăng cường giáo dục kỹ năng sống, giá trị sống cho học sinh",
            "kiểm tra việc thu, chi đầu năm học, chống lạm thu",
            "xây dựng trường đạt chuẩn quốc gia",
            "tổ chức bữa ăn bán trú bảo đảm vệ sinh an toàn thực phẩm",
        ],
        situations: &[
            "Năm học vừa qua, ngành giáo dục đã nỗ lực vượt qua khó khăn, hoàn thành nhiệm vụ được giao",
            "Tình trạng thiếu giáo viên, thiếu phòng học ở một số địa bàn chưa được khắc phục",
            "Cơ sở vật chất trường học ở vùng sâu, vùng xa còn thiếu thốn, xuống cấp",
        ],
        metrics: &[
            ("học sinh", 1_000, 400_000),
            ("phòng học được xây mới", 10, 600),
            ("trường đạt chuẩn quốc gia", 5, 300),
        ],
    },
    // 9
    Domain {
        subjects: &[
            "công tác phòng, chống dịch bệnh truyền nhiễm",
            "phòng, chống sốt xuất huyết",
            "nâng cao chất lượng khám bệnh, chữa bệnh",
            "bảo đảm an toàn thực phẩm",
            "công tác tiêm chủng mở rộng",
        ],
        topics: &["Y tế"],
        active: ALWAYS,
        weight: 40,
        actions: &[
            "giám sát chặt chẽ các bệnh truyền nhiễm như sốt xuất huyết, tay chân miệng, bạch hầu, sởi",
            "tổ chức chiến dịch diệt lăng quăng, bọ gậy tại hộ gia đình",
            "bảo đảm cung ứng đủ thuốc, vật tư, trang thiết bị y tế",
            "nâng cao năng lực của y tế cơ sở, trạm y tế xã",
            "thực hiện tốt công tác tiêm chủng mở rộng cho trẻ em",
            "kiểm tra an toàn thực phẩm tại các bếp ăn tập thể, cơ sở kinh doanh dịch vụ ăn uống",
            "cải cách thủ tục khám bệnh, chữa bệnh bảo hiểm y tế",
            "phát triển bảo hiểm y tế toàn dân",
            "tăng cường đào tạo, luân phiên bác sĩ về tuyến dưới",
            "xử lý nghiêm các cơ sở hành nghề y, dược tư nhân vi phạm",
            "điều tra, xử lý kịp thời các vụ ngộ độc thực phẩm",
            "phòng, chống dịch tả lợn châu Phi, cúm gia cầm lây sang người",
        ],
        situations: &[
            "Số ca mắc sốt xuất huyết tăng cao so với cùng kỳ, đã ghi nhận ổ dịch tại nhiều xã, phường",
            "Tình trạng thiếu thuốc, vật tư y tế tại một số cơ sở khám bệnh, chữa bệnh chậm được khắc phục",
            "Nguy cơ bùng phát các dịch bệnh truyền nhiễm mới nổi, tái nổi vẫn còn hiện hữu",
        ],
        metrics: &[
            ("ca mắc sốt xuất huyết", 50, 9_000),
            ("lượt khám bệnh", 10_000, 900_000),
            ("trẻ em được tiêm chủng đầy đủ", 1_000, 50_000),
        ],
    },
    // 10
    Domain {
        subjects: &[
            "bảo đảm an sinh xã hội",
            "công tác giảm nghèo bền vững",
            "giải quyết việc làm cho người lao động",
            "chăm lo Tết cho các gia đình chính sách, hộ nghèo",
        ],
        topics: &["An sinh xã hội", "Lao động - việc làm"],
        active: ALWAYS,
        weight: 45,
        actions: &[
            "rà soát, hỗ trợ kịp thời các đối tượng bảo trợ xã hội, hộ nghèo, hộ cận nghèo",
            "chi trả đầy đủ, đúng hạn trợ cấp ưu đãi người có công với cách mạng",
            "tổ chức thăm hỏi, tặng quà các gia đình chính sách nhân dịp Tết Nguyên đán",
            "kết nối cung - cầu lao động, tổ chức các phiên giao dịch việc làm",
            "đẩy mạnh đào tạo nghề cho lao động nông thôn",
            "giải quyết chế độ bảo hiểm thất nghiệp cho người lao động",
            "bảo đảm không để người dân nào bị đói, thiếu nơi ở",
            "hỗ trợ xây dựng nhà ở cho hộ nghèo, nhà tình nghĩa",
            "bảo vệ, chăm sóc trẻ em, phòng, chống xâm hại trẻ em",
            "phát triển đối tượng tham gia bảo hiểm xã hội tự nguyện",
            "hướng dẫn người lao động đi làm việc ở nước ngoài theo hợp đồng",
        ],
        situations: &[
            "Đời sống của một bộ phận người dân, nhất là người lao động tự do, còn nhiều khó khăn",
            "Tỷ lệ hộ nghèo giảm nhưng chưa bền vững, nguy cơ tái nghèo còn cao",
        ],
        metrics: &[
            ("hộ nghèo", 100, 30_000),
            ("lao động được giải quyết việc làm", 1_000, 40_000),
            ("suất quà", 500, 80_000),
            ("căn nhà tình nghĩa", 10, 600),
        ],
    },
    // 11
    Domain {
        subjects: &[
            "bảo vệ môi trường",
            "quản lý chất thải rắn sinh hoạt",
            "phòng, chống ô nhiễm rác thải nhựa",
            "quản lý, bảo vệ tài nguyên nước",
        ],
        topics: &["Môi trường"],
        active: ALWAYS,
        weight: 35,
        actions: &[
            "kiểm soát chặt chẽ các nguồn thải tại khu công nghiệp, làng nghề",
            "thu gom, xử lý chất thải rắn sinh hoạt bảo đảm đúng quy định",
            "hạn chế sử dụng túi ni lông khó phân hủy và sản phẩm nhựa dùng một lần",
            "xử lý nghiêm hành vi khai thác cát, sỏi, khoáng sản trái phép",
            "trồng cây xanh, phát triển rừng phòng hộ ven biển",
            "quan trắc chất lượng môi trường không khí, nước mặt định kỳ",
            "phân loại rác thải tại nguồn",
            "bảo vệ nguồn nước, đa dạng sinh học",
            "đầu tư hệ thống xử lý nước thải tập trung",
        ],
        situations: &[
            "Tình trạng ô nhiễm môi trường tại một số khu vực chưa được xử lý dứt điểm, gây bức xúc trong Nhân dân",
            "Khối lượng chất thải rắn phát sinh ngày càng lớn trong khi năng lực xử lý còn hạn chế",
        ],
        metrics: &[
            ("tấn chất thải rắn sinh hoạt", 50, 5_000),
            ("ha rừng trồng mới", 50, 5_000),
            ("cơ sở được kiểm tra", 10, 900),
        ],
    },
    // 12
    Domain {
        subjects: &[
            "công tác xây dựng Đảng và hệ thống chính trị",
            "học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội Đảng",
            "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
            "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "công tác cán bộ",
        ],
        topics: &["Xây dựng Đảng"],
        active: ALWAYS,
        weight: 50,
        actions: &[
            "tổ chức học tập, quán triệt nghị quyết đến cán bộ, đảng viên",
            "nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng",
            "đổi mới nội dung, phương thức sinh hoạt chi bộ",
            "thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
            "làm tốt công tác phát triển đảng viên mới",
            "rà soát, bổ sung quy hoạch cán bộ các cấp",
            "tăng cường kiểm tra, giám sát tổ chức đảng và đảng viên khi có dấu hiệu vi phạm",
            "phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu",
            "đấu tranh phản bác các quan điểm sai trái, thù địch",
            "nắm chắc tình hình tư tưởng trong cán bộ, đảng viên và Nhân dân",
            "thực hiện tốt quy chế dân chủ ở cơ sở",
            "sơ kết, tổng kết việc thực hiện nghị quyết",
            "chuẩn bị chu đáo nội dung, nhân sự đại hội đảng bộ các cấp",
        ],
        situations: &[
            "Công tác xây dựng Đảng và hệ thống chính trị có nhiều chuyển biến tích cực",
            "Việc học tập, quán triệt nghị quyết ở một số nơi còn hình thức, chưa gắn với xây dựng chương trình hành động cụ thể",
            "Một bộ phận cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống",
        ],
        metrics: &[
            ("đảng viên mới được kết nạp", 50, 3_000),
            ("tổ chức cơ sở đảng", 20, 900),
        ],
    },
    // 13
    Domain {
        subjects: &[
            "công tác phòng, chống tham nhũng, tiêu cực",
            "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            "công tác thanh tra",
        ],
        topics: &["Phòng, chống tham nhũng"],
        active: ALWAYS,
        weight: 35,
        actions: &[
            "thực hiện nghiêm việc kê khai, công khai tài sản, thu nhập",
            "đẩy nhanh tiến độ xác minh, xử lý các vụ việc có dấu hiệu tham nhũng",
            "làm tốt công tác tiếp công dân, giải quyết kịp thời khiếu nại, tố cáo ngay từ cơ sở",
            "chuyển đổi vị trí công tác đối với cán bộ, công chức theo quy định",
            "thu hồi triệt để tài sản bị chiếm đoạt, thất thoát",
            "công khai, minh bạch trong mua sắm công, đấu thầu",
            "kiểm tra trách nhiệm người đứng đầu trong phòng, chống tham nhũng",
            "tăng cường phối hợp giữa các cơ quan thanh tra, kiểm tra, điều tra",
            "xử lý nghiêm cán bộ có hành vi tiêu cực, lợi ích nhóm",
        ],
        situations: &[
            "Công tác phòng, chống tham nhũng, tiêu cực tiếp tục được đẩy mạnh, tạo chuyển biến rõ nét",
            "Một số vụ việc khiếu nại đông người, kéo dài chưa được giải quyết dứt điểm",
        ],
        metrics: &[
            ("lượt công dân được tiếp", 100, 9_000),
            ("đơn khiếu nại, tố cáo", 50, 3_000),
            ("cuộc thanh tra", 5, 300),
        ],
    },
    // 14
    Domain {
        subjects: &[
            "công tác thu, chi ngân sách nhà nước",
            "xây dựng dự toán ngân sách nhà nước",
            "thực hành tiết kiệm, chống lãng phí",
            "quản lý, sử dụng tài sản công",
        ],
        topics: &["Ngân sách"],
        active: ALWAYS,
        weight: 35,
        actions: &[
            "quyết liệt thu ngân sách, chống thất thu, thu hồi nợ đọng thuế",
            "điều hành chi ngân sách chặt chẽ, tiết kiệm, đúng dự toán",
            "cắt giảm tối đa các khoản chi hội nghị, công tác phí, khánh tiết",
            "quản lý, sử dụng tài sản công đúng mục đích, hiệu quả",
            "xây dựng dự toán ngân sách năm sau sát thực tế",
            "công khai ngân sách theo quy định của Luật Ngân sách nhà nước",
            "sắp xếp lại, xử lý nhà, đất thuộc sở hữu nhà nước",
            "bố trí kinh phí cho các nhiệm vụ cấp bách, phát sinh",
            "đẩy mạnh khai thác nguồn thu từ đất",
        ],
        situations: &[
            "Thu ngân sách trên địa bàn đạt khá so với dự toán, song một số khoản thu còn đạt thấp",
            "Nợ đọng thuế có xu hướng tăng; việc quản lý nguồn thu ở một số lĩnh vực chưa chặt chẽ",
        ],
        metrics: &[
            ("tỷ đồng thu ngân sách", 500, 60_000),
            ("tỷ đồng chi thường xuyên", 300, 30_000),
        ],
    },
    // 15
    Domain {
        subjects: &[
            "chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định",
            "quản lý tàu cá và hoạt động khai thác thủy sản",
            "phát triển thủy sản bền vững",
        ],
        topics: &["Thủy sản", "Nông nghiệp"],
        active: ALWAYS,
        weight: 18,
        actions: &[
            "kiểm soát chặt chẽ tàu cá xuất, nhập bến tại cảng cá",
            "duy trì hoạt động của thiết bị giám sát hành trình trên tàu cá",
            "ngăn chặn tàu cá và ngư dân vi phạm vùng biển nước ngoài",
            "hoàn thành đăng ký, cấp giấy phép khai thác cho tàu cá",
            "xác nhận, chứng nhận nguồn gốc thủy sản khai thác",
            "xử lý nghiêm các trường hợp vi phạm về khai thác thủy sản bất hợp pháp",
            "tuyên truyền, vận động ngư dân chấp hành quy định của Luật Thủy sản",
            "phát triển nuôi trồng thủy sản theo hướng công nghệ cao",
        ],
        situations: &[
            "Tình trạng tàu cá vi phạm vùng biển nước ngoài vẫn còn xảy ra, ảnh hưởng đến nỗ lực gỡ thẻ vàng của Ủy ban châu Âu",
            "Một số tàu cá chưa lắp đặt hoặc không duy trì kết nối thiết bị giám sát hành trình",
        ],
        metrics: &[("tàu cá", 100, 9_000), ("tấn thủy sản", 1_000, 90_000)],
    },
    // 16
    Domain {
        subjects: &[
            "công tác phòng cháy, chữa cháy",
            "phòng cháy, chữa cháy rừng",
            "bảo đảm an toàn phòng cháy, chữa cháy tại khu dân cư",
        ],
        topics: &["Phòng cháy, chữa cháy"],
        active: ALWAYS,
        weight: 22,
        actions: &[
            "kiểm tra điều kiện an toàn phòng cháy, chữa cháy tại các cơ sở có nguy cơ cháy nổ cao",
            "xây dựng mô hình khu dân cư an toàn về phòng cháy, chữa cháy",
            "tổ chức trực phòng cháy rừng trong mùa khô",
            "trang bị phương tiện chữa cháy tại chỗ cho hộ gia đình, nhà trọ",
            "xử lý nghiêm các công trình đưa vào sử dụng khi chưa nghiệm thu về phòng cháy",
            "tuyên truyền kỹ năng thoát nạn cho người dân",
            "duy trì lực lượng phòng cháy, chữa cháy cơ sở và dân phòng",
        ],
        situations: &[
            "Thời gian gần đây, trên địa bàn xảy ra nhiều vụ cháy, gây thiệt hại về người và tài sản",
            "Mùa khô năm nay dự báo nắng nóng kéo dài, nguy cơ cháy rừng ở mức cấp IV, cấp V",
        ],
        metrics: &[
            ("vụ cháy", 5, 300),
            ("cơ sở được kiểm tra an toàn phòng cháy", 100, 9_000),
        ],
    },
    // 17
    Domain {
        subjects: &[
            "cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026",
            "công tác chuẩn bị bầu cử",
        ],
        topics: &["Bầu cử"],
        active: (ymd(2020, 11, 1), ymd(2021, 6, 15)),
        weight: 80,
        actions: &[
            "lập và niêm yết danh sách cử tri đúng quy định",
            "tổ chức hội nghị hiệp thương lựa chọn, giới thiệu người ứng cử",
            "bảo đảm an ninh, trật tự, an toàn tại các khu vực bỏ phiếu",
            "tuyên truyền sâu rộng về ý nghĩa của cuộc bầu cử",
            "giải quyết kịp thời đơn thư khiếu nại, tố cáo liên quan đến người ứng cử",
            "chuẩn bị phương án tổ chức bầu cử an toàn trong điều kiện dịch bệnh",
            "tổ chức cho người ứng cử tiếp xúc cử tri",
        ],
        situations: &[
            "Cuộc bầu cử là sự kiện chính trị quan trọng của đất nước, diễn ra trong bối cảnh dịch bệnh còn diễn biến phức tạp",
        ],
        metrics: &[("cử tri", 10_000, 900_000), ("khu vực bỏ phiếu", 50, 2_000)],
    },
    // 18
    Domain {
        subjects: &[
            "bảo đảm an ninh chính trị, trật tự, an toàn xã hội",
            "công tác quốc phòng, quân sự địa phương",
            "công tác tuyển chọn và gọi công dân nhập ngũ",
            "phòng, chống tội phạm và tệ nạn ma túy",
        ],
        topics: &["Quốc phòng - an ninh"],
        active: ALWAYS,
        weight: 35,
        actions: &[
            "nắm chắc tình hình, chủ động phòng ngừa, đấu tranh với các loại tội phạm",
            "tổ chức tuyển chọn, gọi công dân nhập ngũ bảo đảm chỉ tiêu, chất lượng",
            "triển khai cao điểm tấn công, trấn áp tội phạm",
            "quản lý chặt chẽ đường biên giới, mốc quốc giới",
            "xây dựng khu vực phòng thủ vững chắc",
            "đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "triệt phá các đường dây mua bán, vận chuyển trái phép chất ma túy",
            "huấn luyện dân quân tự vệ, lực lượng dự bị động viên",
            "phòng ngừa, ngăn chặn tín dụng đen, lừa đảo qua mạng",
        ],
        situations: &[
            "Tình hình an ninh chính trị trên địa bàn cơ bản ổn định, song tội phạm về ma túy, lừa đảo chiếm đoạt tài sản có chiều hướng gia tăng",
        ],
        metrics: &[
            ("vụ phạm tội về trật tự xã hội", 20, 2_000),
            ("thanh niên nhập ngũ", 100, 4_000),
        ],
    },
    // 19
    Domain {
        subjects: &[
            "phát triển du lịch",
            "tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao",
            "quản lý và tổ chức lễ hội",
            "tổ chức đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm",
        ],
        topics: &["Du lịch", "Văn hóa"],
        active: ALWAYS,
        weight: 28,
        actions: &[
            "xây dựng sản phẩm du lịch đặc trưng gắn với bản sắc văn hóa địa phương",
            "quản lý chặt chẽ giá dịch vụ lưu trú, ăn uống tại các điểm du lịch",
            "tổ chức các hoạt động văn hóa, văn nghệ mừng Đảng, mừng Xuân",
            "bảo tồn, phát huy giá trị di tích lịch sử - văn hóa",
            "quảng bá hình ảnh, điểm đến du lịch trên các nền tảng số",
            "tổ chức lễ hội trang trọng, tiết kiệm, phù hợp thuần phong mỹ tục",
            "phát triển phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
            "tổ chức tốt các giải thể thao quần chúng",
        ],
        situations: &[
            "Hoạt động du lịch từng bước phục hồi, lượng khách nội địa tăng khá",
            "Một số lễ hội còn để xảy ra tình trạng chen lấn, thương mại hóa, mê tín dị đoan",
        ],
        metrics: &[
            ("lượt khách du lịch", 10_000, 3_000_000),
            ("tỷ đồng doanh thu du lịch", 100, 20_000),
        ],
    },
    // 20
    Domain {
        subjects: &[
            "quản lý đất đai, trật tự xây dựng",
            "công tác quy hoạch và quản lý quy hoạch",
            "cấp giấy chứng nhận quyền sử dụng đất",
            "phát triển nhà ở xã hội",
        ],
        topics: &["Đất đai", "Xây dựng"],
        active: ALWAYS,
        weight: 28,
        actions: &[
            "xử lý dứt điểm các trường hợp xây dựng không phép, sai phép",
            "đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "ngăn chặn tình trạng phân lô, bán nền trái phép",
            "công bố công khai các đồ án quy hoạch được phê duyệt",
            "rà soát quỹ đất để bố trí tái định cư, phát triển nhà ở xã hội",
            "kiểm tra việc sử dụng đất của các tổ chức được Nhà nước giao đất, cho thuê đất",
            "xây dựng bảng giá đất sát với giá thị trường",
            "cập nhật, chỉnh lý cơ sở dữ liệu đất đai",
        ],
        situations: &[
            "Tình trạng sốt đất, mua bán đất nền theo hình thức phân lô tự phát diễn ra ở một số địa phương",
            "Công tác quản lý trật tự xây dựng ở đô thị còn buông lỏng, chậm phát hiện vi phạm",
        ],
        metrics: &[
            ("giấy chứng nhận quyền sử dụng đất", 500, 40_000),
            ("trường hợp vi phạm trật tự xây dựng", 10, 900),
        ],
    },
];

/// Topic tags in the order of their frequency in the archive; extra tags
/// beyond a document's domain are drawn from this list by rank.
pub(crate) const TOPICS: &[&str] = &[
    "Kinh tế - xã hội",
    "Covid-19",
    "Cải cách hành chính",
    "Y tế",
    "Chuyển đổi số",
    "Đầu tư công",
    "Nông nghiệp",
    "Giáo dục",
    "Xây dựng Đảng",
    "An sinh xã hội",
    "Ngân sách",
    "Thiên tai",
    "Doanh nghiệp",
    "Nông thôn mới",
    "Quốc phòng - an ninh",
    "An toàn giao thông",
    "Môi trường",
    "Lao động - việc làm",
    "Phòng, chống tham nhũng",
    "Du lịch",
    "Văn hóa",
    "Đất đai",
    "Xây dựng",
    "Thủy sản",
    "Phòng cháy, chữa cháy",
    "Bầu cử",
    "Khoa học - công nghệ",
    "Dân tộc - tôn giáo",
    "Thanh niên",
    "Phụ nữ - bình đẳng giới",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_topic_is_a_known_topic() {
        for d in DOMAINS {
            for t in d.topics {
                assert!(TOPICS.contains(t), "{t}");
            }
            assert!(d.actions.len() >= 6 && !d.situations.is_empty() && !d.metrics.is_empty());
        }
        assert_eq!(DOMAINS[COVID].topics[0], "Covid-19");
    }
}
