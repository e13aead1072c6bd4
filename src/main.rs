fn main() {
    println!("gloss");
}
